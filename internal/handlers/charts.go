package handlers

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// Charts are built with go-echarts and handed to the page as option JSON;
// assets/js/charts.js draws them with the embedded ECharts, so no chart
// needs an inline script or a CDN.

// framesChart draws each frame's rate per 1,000 words, split into the
// outlet's own voice and quoted or reported speech.
func framesChart(id string, totals []store.FrameTotal) views.ChartView {
	var names []string
	var own, other []opts.BarData
	for _, t := range totals {
		names = append(names, t.Frame)
		own = append(own, opts.BarData{Value: round2(t.Per1000Own)})
		other = append(other, opts.BarData{Value: round2(t.Per1000 - t.Per1000Own)})
	}
	bar := charts.NewBar()
	// The axis data goes in the axis options: go-echarts applies global
	// options last, and an axis option without data would drop it.
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "hits per 1,000 words"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "frame", Type: "category", Data: names, AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 25}}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Feature: &opts.ToolBoxFeature{SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Save as image"}}}),
	)
	bar.AddSeries("own voice", own, charts.WithBarChartOpts(opts.BarChart{Stack: "voice"})).
		AddSeries("quoted or reported", other, charts.WithBarChartOpts(opts.BarChart{Stack: "voice"}))
	return views.ChartView{ID: id, Title: "Frames per 1,000 words", OptionsJSON: string(bar.JSONNotEscaped()), CSVURL: "/export/outlets.csv", Height: 320}
}

// sidesChart draws each side's share of attributions.
func sidesChart(id string, totals []store.SideTotal) views.ChartView {
	pie := charts.NewPie()
	pie.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Feature: &opts.ToolBoxFeature{SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Save as image"}}}),
	)
	var data []opts.PieData
	for _, t := range totals {
		data = append(data, opts.PieData{Name: t.Side, Value: t.Attributions})
	}
	pie.AddSeries("attributions", data, charts.WithPieChartOpts(opts.PieChart{Radius: []string{"35%", "65%"}}))
	return views.ChartView{ID: id, Title: "Attributions by side", OptionsJSON: string(pie.JSONNotEscaped()), CSVURL: "/export/sources.csv", Height: 320}
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
