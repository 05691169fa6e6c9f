package answer

import (
	"strconv"

	"github.com/engagiert/engagiert/internal/jsonstr"
)

// The JSON of a frame, written directly. Every answer carries its frame
// encoded (Answer.Frame, for follow-ups in a thread), and json.Marshal of
// the wire struct, by reflection, cost 4% of answering a new question
// (issue 17). appendWire writes the very bytes json.Marshal writes for a
// wire (TestWireMatchesMarshal, and FuzzPipeline for every frame it
// meets, hold it to that), so frames written before read the same.

// appendWire appends json.Marshal(w) to dst.
func appendWire(dst []byte, w *wire) []byte {
	dst = append(dst, `{"op":`...)
	dst = jsonstr.Append(dst, w.Op)
	if w.YesNo {
		dst = append(dst, `,"yn":true`...)
	}
	dst = appendStrings(dst, `,"s":`, w.Subjects)
	dst = appendStrings(dst, `,"as":`, w.As)
	dst = appendStringField(dst, `,"a":`, w.Attr)
	dst = appendStringField(dst, `,"about":`, w.About)
	if !w.Filters.isZero() {
		dst = appendWireFilter(append(dst, `,"f":`...), &w.Filters)
	}
	dst = appendBoolField(dst, `,"not":true`, w.Negate)
	dst = appendBoolField(dst, `,"per":true`, w.Period)
	dst = appendBoolField(dst, `,"now":true`, w.Latest)
	dst = appendStringField(dst, `,"from":`, w.From)
	dst = appendStringField(dst, `,"in":`, w.In)
	dst = appendStringField(dst, `,"most":`, w.Most)
	dst = appendStringField(dst, `,"m":`, w.Measure)
	dst = appendStringField(dst, `,"t":`, w.Time)
	if w.Rel != (Relation{}) {
		dst = append(dst, `,"rel":`...)
		sep := byte('{')
		if w.Rel.Op != "" {
			dst = jsonstr.Append(append(dst, sep, '"', 'o', 'p', '"', ':'), w.Rel.Op)
			sep = ','
		}
		if w.Rel.ID != "" {
			dst = jsonstr.Append(append(dst, sep, '"', 'i', 'd', '"', ':'), w.Rel.ID)
			sep = ','
		}
		if w.Rel.Step != 0 {
			dst = strconv.AppendInt(append(append(dst, sep), `"step":`...), int64(w.Rel.Step), 10)
			sep = ','
		}
		if sep == '{' {
			dst = append(dst, '{')
		}
		dst = append(dst, '}')
	}
	dst = appendIntField(dst, `,"ord":`, w.Ordinal)
	dst = appendIntField(dst, `,"n":`, w.Number)
	dst = appendBoolField(dst, `,"anniv":true`, w.Anniv)
	dst = appendStrings(dst, `,"w":`, w.Words)
	dst = appendStrings(dst, `,"aw":`, w.Asked)
	dst = appendBoolField(dst, `,"en":true`, w.English)
	dst = appendStringField(dst, `,"focus":`, w.Focus)
	dst = appendStringField(dst, `,"person":`, w.Person)
	return append(dst, '}')
}

// isZero is what omitzero asks of a struct without an IsZero method:
// every field its zero value (Except nil, not only empty).
func (f *wireFilter) isZero() bool {
	return f.State == "" && !f.NotState && f.Area == "" && !f.NotArea && f.Kreisfrei == "" && f.Kind == "" &&
		!f.Founders && !f.NotFounders && f.NotIn == "" && f.Year == 0 && f.YearOp == "" && f.YearTo == 0 &&
		!f.New && f.Country == "" && !f.NotCountry && !f.Suspended && f.Except == nil && f.Twinned == "" && !f.Former && f.TwinKind == ""
}

// appendWireFilter appends json.Marshal(f): an object of the fields that
// are not empty, "{}" when none is.
func appendWireFilter(dst []byte, f *wireFilter) []byte {
	start := len(dst)
	dst = appendStringField(dst, `,"state":`, f.State)
	dst = appendBoolField(dst, `,"nstate":true`, f.NotState)
	dst = appendStringField(dst, `,"area":`, f.Area)
	dst = appendBoolField(dst, `,"narea":true`, f.NotArea)
	dst = appendStringField(dst, `,"kfrei":`, f.Kreisfrei)
	dst = appendStringField(dst, `,"kind":`, f.Kind)
	dst = appendBoolField(dst, `,"founders":true`, f.Founders)
	dst = appendBoolField(dst, `,"nfounders":true`, f.NotFounders)
	dst = appendStringField(dst, `,"notin":`, f.NotIn)
	dst = appendIntField(dst, `,"year":`, f.Year)
	dst = appendStringField(dst, `,"yop":`, f.YearOp)
	dst = appendIntField(dst, `,"yto":`, f.YearTo)
	dst = appendBoolField(dst, `,"new":true`, f.New)
	dst = appendStringField(dst, `,"country":`, f.Country)
	dst = appendBoolField(dst, `,"ncountry":true`, f.NotCountry)
	dst = appendBoolField(dst, `,"susp":true`, f.Suspended)
	dst = appendStrings(dst, `,"except":`, f.Except)
	dst = appendStringField(dst, `,"twinned":`, f.Twinned)
	dst = appendBoolField(dst, `,"former":true`, f.Former)
	dst = appendStringField(dst, `,"tkind":`, f.TwinKind)
	if len(dst) == start {
		return append(dst, '{', '}')
	}
	dst[start] = '{' // the first field's comma opens the object
	return append(dst, '}')
}

// appendStringField appends key (with its comma and colon) and s, unless
// s is empty (omitempty).
func appendStringField(dst []byte, key, s string) []byte {
	if s == "" {
		return dst
	}
	return jsonstr.Append(append(dst, key...), s)
}

// appendBoolField appends field (`,"key":true`) when b is true (omitempty).
func appendBoolField(dst []byte, field string, b bool) []byte {
	if !b {
		return dst
	}
	return append(dst, field...)
}

// appendIntField appends key and n, unless n is 0 (omitempty).
func appendIntField(dst []byte, key string, n int) []byte {
	if n == 0 {
		return dst
	}
	return strconv.AppendInt(append(dst, key...), int64(n), 10)
}

// appendStrings appends key and the array of ss, unless ss is empty
// (omitempty).
func appendStrings(dst []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return dst
	}
	dst = append(dst, key...)
	for i, s := range ss {
		if i == 0 {
			dst = append(dst, '[')
		} else {
			dst = append(dst, ',')
		}
		dst = jsonstr.Append(dst, s)
	}
	return append(dst, ']')
}
