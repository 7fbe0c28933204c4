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
// A value is walked once per computation, which costs far less than the
// computation that produced it.
func memoSize(key string, e memoEntry) int64 {
	w := sizeWalker{seen: map[uintptr]bool{}}
	n := int64(memoEntryOverhead+len(key)) + int64(cap(e.deps))*int64(unsafe.Sizeof(pair{}))
	if e.v != nil {
		v := reflect.ValueOf(e.v)
		n += int64(v.Type().Size()) + w.beyond(v)
	}
	return n
}

// sizeWalker walks a value's indirect memory; seen holds the pointers and
// backing arrays already counted, so shared or cyclic memory counts once.
type sizeWalker struct{ seen map[uintptr]bool }

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
		if hasIndirect(v.Type().Elem()) {
			for i := range v.Len() {
				n += w.beyond(v.Index(i))
			}
		}
		return n
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
	if hasIndirect(t.Key()) || hasIndirect(t.Elem()) {
		it := v.MapRange()
		for it.Next() {
			n += w.beyond(it.Key()) + w.beyond(it.Value())
		}
	}
	return n
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
