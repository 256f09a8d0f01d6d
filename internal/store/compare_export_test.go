package store

import "context"

// CompareByRows is Compare reading one row per article and frame, the
// reference the packed reads are checked against.
func (s *Store) CompareByRows(ctx context.Context, f CompareFilter) (CompareData, error) {
	return s.compare(ctx, f, compareReadRows)
}

// CompareAttachFrames exposes compareAttachFrames to the black-box tests.
var CompareAttachFrames = compareAttachFrames
