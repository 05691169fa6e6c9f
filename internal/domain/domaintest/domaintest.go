// Package domaintest builds domain values for tests: a Base from a few
// networks and places, an Asker from a function. Only tests import it; the
// program builds its Base in the loader (domain.NewBaseParts).
package domaintest

import (
	"context"

	"github.com/engagiert/engagiert/internal/domain"
)

// NewBase indexes networks, places and sources as a Base of the given
// version, without town twinnings and without validating anything.
func NewBase(networks []domain.Network, places []domain.Place, sources []domain.Source, version string) *domain.Base {
	return domain.NewBaseParts(domain.Parts{Networks: networks, Places: places, Sources: sources, Version: version})
}

// AskerFunc lets a plain function serve as a domain.Asker.
type AskerFunc func(ctx context.Context, question string) domain.Answer

var _ domain.Asker = AskerFunc(nil)

// Ask calls f.
func (f AskerFunc) Ask(ctx context.Context, q string) domain.Answer { return f(ctx, q) }
