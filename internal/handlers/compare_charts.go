package handlers

import (
	"encoding/json"
	"net/url"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/framinglens/framinglens/internal/compare"
	"github.com/framinglens/framinglens/views"
)

// The comparison charts draw only numbers of the compare.Report, the same
// ones its Table method writes as CSV: nothing is computed here.

// cmpGlobal is what every comparison chart has: title (also in the saved
// image), tooltip, legend at the bottom and the save-as-image toolbox.
func cmpGlobal(title, trigger string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, TitleStyle: &opts.TextStyle{FontSize: 13}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Top: "48", Bottom: "72", Left: "64", Right: "24", ContainLabel: opts.Bool(true)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "8", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Save as image", Name: "framing-lens-chart"}}}),
	}
}

// cmpChartView wraps chart options into a view with its CSV link.
func cmpChartView(name, title string, optionsJSON string, q url.Values, height int) views.ChartView {
	return views.ChartView{ID: "cmp-" + name, Title: title, OptionsJSON: optionsJSON,
		CSVURL: "/compare/data/" + name + ".csv?" + q.Encode(), Height: height}
}

// cmpFramesChart draws grouped bars of frame rates, one series per outlet,
// with the 95% intervals as error bars (drawn by assets/js/errorbars.js
// from the "errorBars" key, which ECharts itself ignores).
func cmpFramesChart(r *compare.Report, own bool, q url.Values) views.ChartView {
	rates, name, title := r.Rates, compare.ChartFrames, "Frame rates per 1,000 words, all voices (95% bootstrap intervals)"
	if own {
		rates, name, title = r.RatesOwn, compare.ChartFramesOwn, "Frame rates per 1,000 words, outlet's own voice (95% bootstrap intervals)"
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(cmpGlobal(title, "axis"),
		charts.WithYAxisOpts(opts.YAxis{Name: "hits per 1,000 words", Type: "value"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "frame", NameLocation: "middle", NameGap: 36, Type: "category", Data: r.Frames,
			AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 20}}))...)
	type errorBar struct {
		Series int          `json:"series"`
		Data   [][3]float64 `json:"data"` // [category index, low, high]
	}
	var bars []errorBar
	for oi, o := range r.Outlets {
		var data []opts.BarData
		eb := errorBar{Series: oi}
		for fi := range r.Frames {
			x := rates[oi*len(r.Frames)+fi]
			data = append(data, opts.BarData{Value: x.Rate})
			eb.Data = append(eb.Data, [3]float64{float64(fi), x.Lo, x.Hi})
		}
		bar.AddSeries(o.Name, data)
		bars = append(bars, eb)
	}
	js := string(bar.JSONNotEscaped())
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err == nil {
		m["errorBars"] = bars
		if b, err := json.Marshal(m); err == nil {
			js = string(b)
		}
	}
	return cmpChartView(name, title, js, q, 340)
}

// cmpLabelsChart draws each outlet's label mix for one actor as 100%
// stacked bars.
func cmpLabelsChart(r *compare.Report, actor string, q url.Values) views.ChartView {
	title := "Labels for " + actor + ": share of each outlet's labels"
	if actor == "" {
		title = "Terms with no actor: share of each outlet's terms"
	}
	bar := charts.NewBar()
	names := make([]string, len(r.Outlets))
	for i, o := range r.Outlets {
		names[i] = o.Name
	}
	bar.SetGlobalOptions(append(cmpGlobal(title, "axis"),
		charts.WithYAxisOpts(opts.YAxis{Name: "share of labels", Type: "value", Max: 1}),
		charts.WithXAxisOpts(opts.XAxis{Name: "outlet", NameLocation: "middle", NameGap: 36, Type: "category", Data: names,
			AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	for _, label := range r.ActorLabels(actor) {
		data := make([]opts.BarData, len(r.Outlets))
		for i := range data {
			data[i] = opts.BarData{Value: 0.0}
		}
		for _, l := range r.Labels {
			if l.Actor == actor && l.Label == label {
				data[cmpOutletIndex(r, l.Outlet)] = opts.BarData{Value: l.Share}
			}
		}
		bar.AddSeries(label, data, charts.WithBarChartOpts(opts.BarChart{Stack: "labels"}))
	}
	return cmpChartView(compare.LabelsChart(actor), title, string(bar.JSONNotEscaped()), q, 320)
}

func cmpOutletIndex(r *compare.Report, name string) int {
	for i, o := range r.Outlets {
		if o.Name == name {
			return i
		}
	}
	return 0
}

// cmpSidesChart draws each outlet's side shares, of attributions or of
// quoted words, as 100% stacked bars.
func cmpSidesChart(r *compare.Report, words bool, q url.Values) views.ChartView {
	name, title := compare.ChartSides, "Source sides: share of attributions"
	if words {
		name, title = compare.ChartSidesWords, "Source sides: share of quoted words"
	}
	names := make([]string, len(r.Outlets))
	for i, o := range r.Outlets {
		names[i] = o.Name
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(cmpGlobal(title, "axis"),
		charts.WithYAxisOpts(opts.YAxis{Name: "share (known sides)", Type: "value", Max: 1}),
		charts.WithXAxisOpts(opts.XAxis{Name: "outlet", NameLocation: "middle", NameGap: 36, Type: "category", Data: names,
			AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	for _, side := range r.SideNames {
		data := make([]opts.BarData, len(r.Outlets))
		for _, s := range r.Sides {
			if s.Side == side {
				v := s.Share
				if words {
					v = s.WordsShare
				}
				data[cmpOutletIndex(r, s.Outlet)] = opts.BarData{Value: v}
			}
		}
		bar.AddSeries(side, data, charts.WithBarChartOpts(opts.BarChart{Stack: "sides"}))
	}
	return cmpChartView(name, title, string(bar.JSONNotEscaped()), q, 320)
}

// cmpBalanceChart draws the balance index distribution per outlet as box
// plots, outliers as points.
func cmpBalanceChart(r *compare.Report, q url.Values) views.ChartView {
	title := "Balance index per article (articles quoting a known side)"
	names := make([]string, len(r.Outlets))
	for i, o := range r.Outlets {
		names[i] = o.Name
	}
	box := charts.NewBoxPlot()
	box.SetGlobalOptions(append(cmpGlobal(title, "item"),
		charts.WithYAxisOpts(opts.YAxis{Name: "balance index (0 one side, 1 even)", Type: "value", Min: 0, Max: 1}),
		charts.WithXAxisOpts(opts.XAxis{Name: "outlet", NameLocation: "middle", NameGap: 36, Type: "category", Data: names,
			AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	var data []opts.BoxPlotData
	var outliers []opts.ScatterData
	for i, b := range r.Balance {
		v := b.Box.ECharts()
		data = append(data, opts.BoxPlotData{Name: b.Outlet, Value: v[:]})
		for _, o := range b.Box.Outliers {
			outliers = append(outliers, opts.ScatterData{Value: []any{i, o}})
		}
	}
	box.AddSeries("balance index", data)
	sc := charts.NewScatter()
	sc.AddSeries("outliers", outliers)
	box.Overlap(sc)
	return cmpChartView(compare.ChartBalance, title, string(box.JSONNotEscaped()), q, 320)
}

// cmpHeatmapChart draws outlet × lexicon entry rates.
func cmpHeatmapChart(r *compare.Report, q url.Values) views.ChartView {
	title := "Lexicon entries per 1,000 words, by outlet"
	names := make([]string, len(r.Outlets))
	for i, o := range r.Outlets {
		names[i] = o.Name
	}
	hm := charts.NewHeatMap()
	maxRate := 0.0
	var data []opts.HeatMapData
	for _, e := range r.Entries {
		x := 0
		for j, p := range r.HeatmapPatterns {
			if p == e.Pattern {
				x = j
			}
		}
		data = append(data, opts.HeatMapData{Value: [3]any{x, cmpOutletIndex(r, e.Outlet), e.Rate}})
		maxRate = max(maxRate, e.Rate)
	}
	hm.SetGlobalOptions(append(cmpGlobal(title, "item"),
		charts.WithXAxisOpts(opts.XAxis{Name: "lexicon entry", NameLocation: "middle", NameGap: 70, Type: "category", Data: r.HeatmapPatterns,
			AxisLabel: &opts.AxisLabel{Rotate: 45, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "outlet", Type: "category", Data: names}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(max(maxRate, 0.01)),
			Orient: "horizontal", Left: "center", Bottom: "0", Text: []string{"more", "fewer"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Top: "48", Bottom: "96", Left: "64", Right: "24", ContainLabel: opts.Bool(true)}))...)
	hm.AddSeries("per 1,000 words", data)
	return cmpChartView(compare.ChartHeatmap, title, string(hm.JSONNotEscaped()), q, 120+40*len(r.Outlets)+120)
}

// cmpTimelineChart draws one frame's rate per period, a line per outlet.
func cmpTimelineChart(r *compare.Report, q url.Values) views.ChartView {
	unit := "month"
	if r.Params.Weekly {
		unit = "week"
	}
	title := "Timeline: " + r.TimeFrame + " per 1,000 words, by " + unit
	line := charts.NewLine()
	line.SetGlobalOptions(append(cmpGlobal(title, "axis"),
		charts.WithYAxisOpts(opts.YAxis{Name: "hits per 1,000 words", Type: "value"}),
		charts.WithXAxisOpts(opts.XAxis{Name: unit, NameLocation: "middle", NameGap: 36, Type: "category", Data: r.Periods}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "inside"}))...)
	for oi, o := range r.Outlets {
		var data []opts.LineData
		for pi := range r.Periods {
			x := r.Timeline[pi*len(r.Outlets)+oi]
			if x.Words == 0 {
				data = append(data, opts.LineData{Value: nil})
				continue
			}
			data = append(data, opts.LineData{Value: x.Rate})
		}
		line.AddSeries(o.Name, data)
	}
	return cmpChartView(compare.ChartTimeline, title, string(line.JSONNotEscaped()), q, 320)
}

// cmpDistinctChart draws the z-scores of the pair's most distinctive terms
// as horizontal bars: positive for the first outlet, negative for the
// second.
func cmpDistinctChart(d compare.Distinctive, name string, q url.Values) views.ChartView {
	title := "Distinctive " + d.Vocabulary + ": " + d.A + " (z > 0) vs " + d.B + " (z < 0)"
	var terms []string
	var a, b []opts.BarData
	for i := len(d.Bottom) - 1; i >= 0; i-- {
		terms = append(terms, d.Bottom[i].Term)
		a = append(a, opts.BarData{Value: 0.0})
		b = append(b, opts.BarData{Value: d.Bottom[i].Z})
	}
	for i := len(d.Top) - 1; i >= 0; i-- {
		terms = append(terms, d.Top[i].Term)
		a = append(a, opts.BarData{Value: d.Top[i].Z})
		b = append(b, opts.BarData{Value: 0.0})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(cmpGlobal(title, "axis"),
		charts.WithXAxisOpts(opts.XAxis{Name: "z-score", NameLocation: "middle", NameGap: 28, Type: "value"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "term", Type: "category", Data: terms, AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	bar.AddSeries("typical of "+d.A, a, charts.WithBarChartOpts(opts.BarChart{Stack: "z"})).
		AddSeries("typical of "+d.B, b, charts.WithBarChartOpts(opts.BarChart{Stack: "z"}))
	return cmpChartView(name, title, string(bar.JSONNotEscaped()), q, 140+18*len(terms))
}
