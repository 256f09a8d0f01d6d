package analysis_test

import (
	"math"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

func TestBalanceIndex(t *testing.T) {
	tests := []struct {
		name   string
		shares map[string]float64
		sides  int
		want   float64
	}{
		{"NoAttributions", map[string]float64{}, 10, 0},
		{"SingleSide", map[string]float64{"russia": 1}, 10, 0},
		{"TwoEvenSidesOfTwo", map[string]float64{"a": .5, "b": .5}, 2, 1},
		{"TwoEvenSidesOfFour", map[string]float64{"a": .5, "b": .5}, 4, 0.5},
		{"FourEvenSidesOfFour", map[string]float64{"a": .25, "b": .25, "c": .25, "d": .25}, 4, 1},
		// -(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2 = 0.811278...
		{"ThreeToOne", map[string]float64{"a": .75, "b": .25}, 2, 0.8112781244591328},
		{"RegistryOfOneSide", map[string]float64{"a": 1}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.BalanceIndex(tt.shares, tt.sides)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("BalanceIndex(%v, %d) = %v, want %v", tt.shares, tt.sides, got, tt.want)
			}
		})
	}
}
