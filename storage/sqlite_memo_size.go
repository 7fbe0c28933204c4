package storage

import (
	"reflect"
	"unsafe"
)

// memoEntryOverhead is what keeping any entry costs besides its value and
// key: the map slot, the entry's header and its deps slice header.
const memoEntryOverhead = 128

// memoSize estimates the bytes an entry keeps reachable: its key, its
// dependencies and its value, walked through pointers, slices, maps,
// strings and interfaces. It is an estimate — map buckets are counted at
// their key and value sizes plus a quarter, memory shared with another
// entry is counted in both — meant for a byte budget, not an account.
// A value is walked once per computation, large collections by a sample
// (sizeSample), which costs far less than the computation that produced it.
func memoSize(key string, e memoEntry) int64 {
	w := sizeWalker{seen: map[uintptr]bool{}}
	n := int64(memoEntryOverhead+len(key)) + int64(cap(e.deps))*int64(unsafe.Sizeof(pair{}))
	if e.v != nil {
		v := reflect.ValueOf(e.v)
		n += int64(v.Type().Size()) + w.beyond(v)
	}
	return n
}

// sizeSample is how many elements of a slice or map of values with
// indirect memory the walk visits; past it, the rest are counted at the
// average of those visited. Kept answers hold large collections of like
// values (a province's hundred children's progress, sixty items each), and
// walking every element was 40 % of the province overview's first request
// after a report.
const sizeSample = 16

// sizeWalker walks a value's indirect memory; seen holds the pointers and
// backing arrays already counted, so shared or cyclic memory counts once.
// With exact set it visits every element (tests compare the estimate).
type sizeWalker struct {
	seen  map[uintptr]bool
	exact bool
}

// beyond returns the bytes reachable from v that are not inside v itself.
func (w *sizeWalker) beyond(v reflect.Value) int64 {
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() || w.once(v.Pointer()) {
			return 0
		}
		return int64(v.Type().Elem().Size()) + w.beyond(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + w.beyond(e)
	case reflect.Slice:
		if v.IsNil() || w.once(v.Pointer()) {
			return 0
		}
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		if !hasIndirect(v.Type().Elem()) {
			return n
		}
		l := v.Len()
		if w.exact || l <= sizeSample {
			for i := range l {
				n += w.beyond(v.Index(i))
			}
			return n
		}
		var sum int64
		for k := range sizeSample {
			sum += w.beyond(v.Index(k * l / sizeSample))
		}
		return n + sum*int64(l)/sizeSample
	case reflect.Array:
		var n int64
		if hasIndirect(v.Type().Elem()) {
			for i := range v.Len() {
				n += w.beyond(v.Index(i))
			}
		}
		return n
	case reflect.Map:
		return w.mapBeyond(v)
	case reflect.Struct:
		var n int64
		for i := range v.NumField() {
			n += w.beyond(v.Field(i))
		}
		return n
	}
	return 0
}

func (w *sizeWalker) mapBeyond(v reflect.Value) int64 {
	if v.IsNil() || w.once(v.Pointer()) {
		return 0
	}
	t := v.Type()
	slot := int64(t.Key().Size() + t.Elem().Size())
	n := int64(v.Len()) * (slot + slot/4 + 1)
	if !hasIndirect(t.Key()) && !hasIndirect(t.Elem()) {
		return n
	}
	var sum int64
	seen := 0
	for it := v.MapRange(); it.Next(); {
		if !w.exact && seen == sizeSample {
			return n + sum*int64(v.Len())/sizeSample
		}
		sum += w.beyond(it.Key()) + w.beyond(it.Value())
		seen++
	}
	return n + sum
}

// once reports whether p was counted already, marking it counted.
func (w *sizeWalker) once(p uintptr) bool {
	if w.seen[p] {
		return true
	}
	w.seen[p] = true
	return false
}

// hasIndirect reports whether values of t can reach memory outside
// themselves (so a slice of them must be walked element by element).
func hasIndirect(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return true
	case reflect.Array:
		return hasIndirect(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasIndirect(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}
