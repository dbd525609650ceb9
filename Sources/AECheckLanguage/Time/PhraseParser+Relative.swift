import Foundation

extension PhraseParser {
    /// Reads "2 hours ago", "just now", "20 minutes after it started" and refuses "in 2 hours".
    public func relative(at index: Int) -> Step<Reading> {
        let first = word(index)
        if first == "just" || first == "right", word(index + 1) == "now" {
            return .matched(recently(), next: index + 2)
        }
        if first == "moments", word(index + 1) == "ago" {
            return .matched(recently(), next: index + 2)
        }
        if first == "a", word(index + 1) == "moment", word(index + 2) == "ago" {
            return .matched(recently(), next: index + 3)
        }
        if first == "in", QuantityReader(tokens: tokens).quantity(at: index + 1) != nil {
            return .refused(.future)
        }
        guard let (quantity, end) = QuantityReader(tokens: tokens).quantity(at: index) else { return .none }
        var next = end
        var approximate = false
        if word(next) == "or", word(next + 1) == "so" {
            approximate = true
            next += 2
        }
        switch word(next) {
        case "ago", "back":
            let band = TimeBand(
                earliest: quantity.high.applied(to: now, sign: -1, calendar: calendar),
                latest: quantity.low.applied(to: now, sign: -1, calendar: calendar))
            let reading = Reading(band: band, widening: quantity.approximation, approximate: approximate)
            return .matched(reading, next: next + 1)
        case "after", "into":
            return anchored(quantity, sign: 1, at: next + 1, approximate: approximate)
        case "before":
            return anchored(quantity, sign: -1, at: next + 1, approximate: approximate)
        case "from" where word(next + 1) == "now":
            return .refused(.future)
        default:
            return .none
        }
    }

    /// The last five minutes.
    private func recently() -> Reading {
        Reading(band: TimeBand(earliest: now.addingTimeInterval(-300), latest: now), widening: .seconds(300))
    }

    /// The anchor named at `index`, moved by `quantity` (forwards for `sign` 1).
    private func anchored(_ quantity: TimeQuantity, sign: Int, at index: Int, approximate: Bool) -> Step<
        Reading
    > {
        guard let (entry, end) = anchors.match(in: tokens, at: index) else {
            if mode == .whole, index < tokens.count {
                return .refused(.unknownAnchor(source(index, tokens.count)))
            }
            return .none
        }
        guard let anchor = context.anchors[entry.id] else { return .refused(.unknownAnchor(entry.phrase)) }
        let near = sign > 0 ? quantity.low : quantity.high
        let far = sign > 0 ? quantity.high : quantity.low
        let band = TimeBand(
            earliest: near.applied(to: anchor.earliest, sign: sign, calendar: calendar),
            latest: far.applied(to: anchor.latest, sign: sign, calendar: calendar))
        return .matched(
            Reading(band: band, widening: quantity.approximation, approximate: approximate), next: end)
    }
}
