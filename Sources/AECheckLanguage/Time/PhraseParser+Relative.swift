import Foundation

/// How an amount bounds a time: "over" (no lower end), "a good" (a little more), "within", "for the last".
private enum Bound {
    case atLeast, aGood, within, since
}

extension PhraseParser {
    /// Reads "2 hours ago", "just now", "20 minutes after it started" and refuses "in 2 hours".
    public func relative(at index: Int, lead: String? = nil) -> Step<Reading> {
        let first = word(index)
        if first == "just" || first == "right", word(index + 1) == "now" {
            return .matched(recently(), next: index + 2)
        }
        if first == "moments", word(index + 1) == "ago" {
            return .matched(recently(), next: index + 2)
        }
        if first == "a", word(index + 1) == "moment", word(index + 2) == "ago" || word(index + 2) == "back" {
            return .matched(recently(), next: index + 3)
        }
        if first == "in", QuantityReader(tokens: tokens).quantity(at: index + 1) != nil {
            return .refused(.future)
        }
        guard let (quantity, end) = QuantityReader(tokens: tokens).quantity(at: index) ?? bareUnit(at: index) else {
            return pluralUnits(at: index)
        }
        var next = end
        var approximate = tokens[index..<end].contains { $0.word == "ish" }
        if word(next) == "or", word(next + 1) == "so" {
            approximate = true
            next += 2
        }
        if let after = TimeVocabulary.approximateSuffixEnd(in: tokens, at: next),
            word(after) == "ago" || word(after) == "back"
        {
            approximate = true
            next = after
        }
        if word(next) == "since", anchors.match(in: tokens, at: next + 1) != nil {
            return anchored(quantity, sign: 1, at: next + 1, approximate: approximate)
        }
        // "4 weeks today", "2 weeks ago today": that many days back, the whole day.
        let today =
            word(next) == "today"
            ? next : (word(next) == "ago" || word(next) == "back") && word(next + 1) == "today" ? next + 1 : nil
        if let today, quantity.low.usesCalendar, quantity.low == quantity.high {
            let day = calendar.startOfDay(for: quantity.low.applied(to: now, sign: -1, calendar: calendar))
            let band = TimeBand(earliest: day, latest: calendar.startOfDay(1, from: day))
            return .matched(Reading(band: band, widening: .days(1), approximate: approximate), next: today + 1)
        }
        switch word(next) {
        case "ago", "back", "since":
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
            // A bare amount is that long ago: a whole answer ("3 days"), after "for" or "been"
            // in a sentence ("for 3 days now", "it's been 2 weeks"), or before "now" ("humming
            // two weeks now").
            guard bareDurationAllowed(at: index, lead: lead) || word(next) == "now", !isClockLike(index) else {
                return .none
            }
            if word(next) == "now" { next += 1 }
            let band = TimeBand(
                earliest: quantity.high.applied(to: now, sign: -1, calendar: calendar),
                latest: quantity.low.applied(to: now, sign: -1, calendar: calendar))
            return .matched(Reading(band: band, widening: quantity.approximation, approximate: approximate), next: next)
        }
    }

    private func bareDurationAllowed(at index: Int, lead: String?) -> Bool {
        if let lead, ["for", "been", "exactly", "over", "lasting"].contains(lead) { return true }
        if mode == .whole, index == 0 || (index > 0 && wordsBefore(index).allSatisfy({ isFiller($0) })) { return true }
        return false
    }

    private func wordsBefore(_ index: Int) -> [String] {
        tokens[..<index].map { $0.word ?? "" }
    }

    private func isFiller(_ word: String) -> Bool {
        TimeVocabulary.leads.contains(word) || TimeVocabulary.approximators.contains(word) || word == "just"
    }

    /// "1415 hrs" is a clock time, not an amount.
    private func isClockLike(_ index: Int) -> Bool {
        guard index < tokens.count, case .number(let digits) = tokens[index].kind else { return false }
        return digits.count == 4
    }

    /// "hour or so back", "hour ago": a unit with no amount is one of it.
    private func bareUnit(at index: Int) -> (TimeQuantity, Int)? {
        guard let name = word(index), let unit = TimeVocabulary.units[name], !name.hasSuffix("s") else { return nil }
        let next = index + 1
        let follows = word(next) == "ago" || word(next) == "back" || (word(next) == "or" && word(next + 1) == "so")
        guard follows, index == 0 || word(index - 1) != "a" else { return nil }
        return (TimeQuantity(low: unit.span(1), high: unit.span(1)), next)
    }

    /// "years ago", "weeks back", "donkey's years ago": at least one of the unit, with no lower end.
    private func pluralUnits(at index: Int) -> Step<Reading> {
        guard let name = word(index), name.hasSuffix("s"), let unit = TimeVocabulary.units[name],
            [TimeUnit.week, .month, .year].contains(unit), word(index + 1) == "ago" || word(index + 1) == "back"
        else { return .none }
        let latest = unit.span(1).applied(to: now, sign: -1, calendar: calendar)
        return .matched(
            Reading(band: TimeBand(earliest: TimeBand.openStart, latest: latest), widening: .seconds(0)),
            next: index + 2)
    }

    /// Amounts with a bound: "over a year ago" (no lower end), "a good 2 hours ago", "not even an
    /// hour ago", "within the last hour", "for the last 2 weeks", "the past few days".
    public func bounded(at index: Int, lead: String?) -> Step<Reading> {
        var position = index
        var kind: Bound
        switch word(position) {
        case "over", "more", "longer", "well", "at", "beyond":
            if word(position) == "well", word(position + 1) == "over" { position += 1 }
            if word(position) == "more" || word(position) == "longer" {
                guard word(position + 1) == "than" else { return .none }
                position += 1
            }
            if word(position) == "at" {
                guard word(position + 1) == "least" else { return .none }
                position += 1
            }
            kind = .atLeast
            position += 1
            if kind == .atLeast, word(position) == "the" || word(position) == "last" || word(position) == "past" {
                return lastSpan(at: position, kind: .since)
            }
        case "a":
            guard word(position + 1) == "good" else { return .none }
            kind = .aGood
            position += 2
        case "just":
            guard word(position + 1) == "over" else { return .none }
            kind = .aGood
            position += 2
        case "not":
            guard word(position + 1) == "even" else { return .none }
            kind = .within
            position += 2
        case "less", "under":
            if word(position) == "less" {
                guard word(position + 1) == "than" else { return .none }
                position += 1
            }
            kind = .within
            position += 1
        case "within", "in":
            if word(position + 1) == "the", word(position + 2) == "last" || word(position + 2) == "past" {
                return lastSpan(at: position + 1, kind: .within)
            }
            guard word(position) == "within" else { return .none }
            kind = .within
            position += 1
        case "the", "last", "past":
            guard word(position) != "the" || word(position + 1) == "last" || word(position + 1) == "past" else {
                return .none
            }
            guard lead == "for" || lead == "over" || lead == "during" || word(position) == "the" else { return .none }
            return lastSpan(at: position, kind: .since)
        default:
            return .none
        }
        guard let (quantity, end) = QuantityReader(tokens: tokens).quantity(at: position) else {
            if kind == .atLeast, word(position) == "years" || word(position) == "months" {
                return pluralUnits(at: position)
            }
            return .none
        }
        var next = end
        let hasAgo = word(next) == "ago" || word(next) == "back" || word(next) == "since" || word(next) == "now"
        if hasAgo { next += 1 }
        guard hasAgo || lead == "been" || mode == .whole else { return .none }
        let low = quantity.low.applied(to: now, sign: -1, calendar: calendar)
        switch kind {
        case .atLeast:
            return .matched(
                Reading(band: TimeBand(earliest: TimeBand.openStart, latest: low), widening: .seconds(0)), next: next)
        case .aGood:
            let extra = now.timeIntervalSince(low) / 4
            return .matched(
                Reading(band: TimeBand(earliest: low.addingTimeInterval(-extra), latest: low), widening: .seconds(0)),
                next: next)
        case .within, .since:
            let high = quantity.high.applied(to: now, sign: -1, calendar: calendar)
            return .matched(Reading(band: TimeBand(earliest: high, latest: now), widening: .seconds(0)), next: next)
        }
    }

    /// "the last hour", "the past few days", "last 2 weeks" at `index`: onset that long ago
    /// (`.since`) or somewhere in that span (`.within`).
    private func lastSpan(at index: Int, kind: Bound) -> Step<Reading> {
        var position = index
        if word(position) == "the" { position += 1 }
        guard word(position) == "last" || word(position) == "past" else { return .none }
        position += 1
        let reader = QuantityReader(tokens: tokens)
        var found = reader.quantity(at: position)
        if found == nil, let name = word(position), let unit = TimeVocabulary.units[name], !name.hasSuffix("s") {
            found = (TimeQuantity(low: unit.span(1), high: unit.span(1)), position + 1)
        }
        guard let (quantity, end) = found else { return .none }
        var next = end
        if word(next) == "now" || word(next) == "or" && word(next + 1) == "so" { next += word(next) == "now" ? 1 : 2 }
        let far = quantity.high.applied(to: now, sign: -1, calendar: calendar)
        let near = quantity.low.applied(to: now, sign: -1, calendar: calendar)
        if kind == .within {
            return .matched(Reading(band: TimeBand(earliest: far, latest: now), widening: .seconds(0)), next: next)
        }
        return .matched(
            Reading(band: TimeBand(earliest: far, latest: near), widening: quantity.approximation), next: next)
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
