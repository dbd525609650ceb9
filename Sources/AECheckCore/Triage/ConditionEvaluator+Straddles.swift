import AECheckLanguage
import Foundation

/// A time limit of a rule that a reported sign's onset band lies on both sides of, so the
/// rule cannot tell which side the sign began: "the fizz began between 3 and 1 hours ago" against
/// "within 2 hours of the infusion start" (the start 3 hours ago).
///
/// One question of the kind `boundary` settles it ("Did it start more or less than 2 hours
/// after the drip started?"): `earlier` keeps the part of the band before `before`, `later`
/// the part from `from` on. For a limit known to the second the two are one instant and the
/// answer decides every rule with that limit; a limit that is itself a band (an infusion start
/// given as "this morning") only narrows the onset as far as the answer is sure to hold.
struct Straddle: Hashable, Sendable {
    /// The finding whose onset straddles the limit.
    let findingID: String
    /// Which limit: a span before now, a span after an anchor, or the anchor itself.
    let edge: BoundaryEdge
    /// The span of `ago` and `after` limits.
    let span: TimeSpan?
    /// An answer "earlier" means the onset was before this moment.
    let before: Date
    /// An answer "later" means the onset was at or after this moment.
    let from: Date

    /// The part of the answer log's key after the question id: the finding, then the span
    /// when the limit has one (`fizz/2h`), so each sign and limit is asked about once.
    var keySuffix: String {
        span.map { "\(findingID)/\($0)" } ?? findingID
    }

    /// The onset band narrowed by an answer (`earlier` or `later`); any other answer leaves it.
    func narrow(_ band: TimeBand, by answer: String) -> TimeBand {
        switch answer {
        case "earlier":
            let latest = max(band.earliest, min(band.latest, before - 1))
            return TimeBand(earliest: band.earliest, latest: latest)
        case "later":
            let earliest = min(band.latest, max(band.earliest, from))
            return TimeBand(earliest: earliest, latest: band.latest)
        default:
            return band
        }
    }
}

extension ConditionEvaluator {
    /// The limits of rule `index` that the onset of a finding reported present straddles,
    /// in the order the condition names them (each once).
    func straddles(rule index: Int) -> [Straddle] {
        let root = conditions.roots[index]
        var result: [Straddle] = []
        for node in root..<conditions.nodes[root].end {
            guard case .finding(let slot, .present, let range) = conditions.nodes[node].test,
                let found = evidence.findings[slot], found.status == .present, let onset = found.onset
            else { continue }
            for index in range {
                for straddle in straddles(of: onset, conditions.qualifiers[index], slot: slot)
                where !result.contains(straddle) {
                    result.append(straddle)
                }
            }
        }
        return result
    }

    /// The limits of one qualifier that `onset` straddles.
    private func straddles(of onset: TimeBand, _ qualifier: CompiledQualifier, slot: Int) -> [Straddle] {
        let finding = conditions.findingIDs[slot]
        var result: [Straddle] = []
        switch qualifier {
        case .onsetRecent(let span), .onsetOver(let span):
            let terms = recentTerms(onset, span)
            if compare(terms.onset, atLeast: terms.bound) == .unknown {
                result.append(lower(finding, .ago, span, terms.bound))
            }
        case .onsetWithin(let span, let anchorSlot):
            guard let anchor = anchorBand(anchorSlot) else { break }
            let id = conditions.anchorIDs[anchorSlot]
            let terms = anchorTerms(onset, anchor, span)
            if compare(terms.onset, atLeast: terms.anchor) == .unknown {
                result.append(lower(finding, .at(id), nil, terms.anchor))
            }
            if compare(terms.onset, atMost: terms.anchor, plus: span) == .unknown {
                result.append(upper(finding, .after(id), span, terms.anchor, days: terms.days))
            }
        case .onsetAfter(let span, let anchorSlot):
            guard let anchor = anchorBand(anchorSlot) else { break }
            let terms = anchorTerms(onset, anchor, span)
            if compare(terms.onset, atMost: terms.anchor, plus: span) == .unknown {
                let id = conditions.anchorIDs[anchorSlot]
                result.append(upper(finding, .after(id), span, terms.anchor, days: terms.days))
            }
        case .onsetDuringInfusion:
            guard let start = anchorBand(conditions.infusionStart) else { break }
            let startID = conditions.anchorIDs[conditions.infusionStart]
            if compare(onset, atLeast: start) == .unknown {
                result.append(lower(finding, .at(startID), nil, start))
            }
            guard let end = infusionEnd(start), compare(onset, atMost: end.band, plus: nil) == .unknown else { break }
            if let anchor = end.anchor {
                result.append(upper(finding, .at(conditions.anchorIDs[anchor]), nil, end.band, days: false))
            } else if let length = conditions.infusionLength {
                result.append(upper(finding, .after(startID), length, start, days: false))
            }
        case .onsetKnown, .trend:
            break
        }
        return result
    }

    /// A limit the onset must be at or after (`onset >= bound`).
    private func lower(_ finding: String, _ edge: BoundaryEdge, _ span: TimeSpan?, _ bound: TimeBand) -> Straddle {
        Straddle(findingID: finding, edge: edge, span: span, before: bound.latest, from: bound.earliest)
    }

    /// A limit the onset must be at or before (`onset <= anchor + span`); with `days`, the
    /// anchor is given as days and the limit is the end of the last day.
    private func upper(_ finding: String, _ edge: BoundaryEdge, _ span: TimeSpan?, _ anchor: TimeBand, days: Bool)
        -> Straddle
    {
        let low = span.map { calendars.date(adding: $0, to: anchor.earliest) } ?? anchor.earliest
        let high = span.map { calendars.date(adding: $0, to: anchor.latest) } ?? anchor.latest
        let next = { (date: Date) -> Date in
            days ? calendars.date(adding: TimeSpan(amount: 1, unit: .day), to: date) : date + 1
        }
        return Straddle(findingID: finding, edge: edge, span: span, before: next(high), from: next(low))
    }
}
