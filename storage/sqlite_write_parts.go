package storage

import "context"

// checkWhole refuses a part_of that names the indicator itself, no
// indicator, or a part: parts are one level below their whole.
func (w *Writer) checkWhole(ctx context.Context, i Indicator) error {
	switch i.PartOf {
	case "":
		return nil
	case i.Code:
		return invalidField("part_of", i.PartOf, "an indicator cannot be a part of itself")
	}
	whole, found := w.putIndicators[i.PartOf]
	if !found {
		var err error
		if whole, found, err = w.storedIndicator(ctx, i.PartOf); err != nil {
			return w.fail(err)
		}
	}
	switch {
	case !found:
		return invalidField("part_of", i.PartOf, "no indicator has this code; add the whole first")
	case whole.PartOf != "":
		return invalidField("part_of", i.PartOf, "that indicator is itself a part of %s; name the whole", whole.PartOf)
	}
	return nil
}
