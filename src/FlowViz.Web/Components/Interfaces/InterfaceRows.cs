using FlowViz.Core.Counters;
using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Interfaces;

/// <summary>
/// Joins the interface catalogue with the traffic by input and by output interface and with the interfaces' sFlow
/// counters: every known interface, plus every interface key that carried traffic or sent counters without being
/// known (index 0 when an exporter sends none). Where counters cover the range, the rates come from them and the
/// utilisation is over their ifSpeed; elsewhere the rates are the flows' and the speed the catalogue's.
/// </summary>
public static class InterfaceRows
{
    public static IReadOnlyList<InterfaceRow> Build(
        IReadOnlyDictionary<string, ClassifiedInterface> known, TopResult input, TopResult output, TimeSpan duration,
        IReadOnlyList<InterfaceCounterRates>? counters = null)
    {
        var seconds = Math.Max(duration.TotalSeconds, 1);
        var inBytes = input.Rows.ToDictionary(r => r.Key, r => r.Bytes, StringComparer.Ordinal);
        var outBytes = output.Rows.ToDictionary(r => r.Key, r => r.Bytes, StringComparer.Ordinal);
        var rates = (counters ?? []).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var keys = known.Keys.Concat(inBytes.Keys).Concat(outBytes.Keys).Concat(rates.Keys).Distinct(StringComparer.Ordinal);
        var rows = new List<InterfaceRow>();
        foreach (var key in keys)
        {
            var bytesIn = inBytes.GetValueOrDefault(key);
            var bytesOut = outBytes.GetValueOrDefault(key);
            InterfaceRow? row = null;
            if (known.TryGetValue(key, out var entry))
            {
                var i = entry.Interface;
                row = new InterfaceRow(key, i.Exporter.ToString(), i.IfIndex, i.Name, i.Description, entry.Class, true,
                    i.SpeedBps, i.SpeedBps is null ? null : SpeedSourceOf(i.Sources), bytesIn, bytesOut, bytesIn * 8 / seconds, bytesOut * 8 / seconds);
            }
            else if (DimensionLabels.TryParseInterfaceKey(key, out var exporter, out var ifIndex))
            {
                row = new InterfaceRow(key, exporter, ifIndex, null, null, null, false, null, null,
                    bytesIn, bytesOut, bytesIn * 8 / seconds, bytesOut * 8 / seconds);
            }
            if (row is not null)
            {
                rows.Add(rates.TryGetValue(key, out var measured) ? FromCounters(row, measured) : row);
            }
        }
        return rows;
    }

    /// <summary>The counters' rates; their ifSpeed when the agent knows it (else the catalogue's speed stays).</summary>
    private static InterfaceRow FromCounters(InterfaceRow row, InterfaceCounterRates counters) => row with
    {
        InBitsPerSecond = counters.InAverageBps,
        OutBitsPerSecond = counters.OutAverageBps,
        SpeedBps = counters.SpeedBps > 0 ? counters.SpeedBps : row.SpeedBps,
        SpeedSource = counters.SpeedBps > 0 ? "sFlow ifSpeed" : row.SpeedSource,
        Source = RateSource.Counters,
    };

    /// <summary>
    /// The catalogue takes the speed from the configuration, then sFlow counters (ifSpeed), then options data; it
    /// does not say which one had it, so when several sources know the interface the words name the candidates.
    /// </summary>
    public static string SpeedSourceOf(IReadOnlyList<string> sources)
    {
        var configured = sources.Contains("configuration");
        var sflow = sources.Contains("sflow");
        return (configured, sflow) switch
        {
            (true, true) => "configured or sFlow ifSpeed",
            (true, false) => "configured",
            (false, true) => "sFlow ifSpeed",
            _ => "options data",
        };
    }
}
