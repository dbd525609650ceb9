import Foundation

/// A named day, possibly narrowed to a part of it ("yesterday", "tuesday evening", "last night").
public struct DayReference: Sendable {
    /// Start of the day the reference is counted from.
    public var day: Date
    public var part: DayPart?
    /// Whether the day was counted back ("3 days ago"): alone, that is an amount of time, read
    /// by the relative rule; only with a clock time or a part of the day is it a day.
    public var counted = false
    /// The first (0) or second (1) half of the day or part named ("early yesterday morning",
    /// "towards the end of yesterday afternoon").
    public var half: Int?
}

extension PhraseParser {
    /// Reads a day reference, optionally followed by a clock time ("yesterday at 3pm").
    public func dayExpression(at index: Int, introduced: Bool = false) -> Step<Reading> {
        let reference: DayReference
        let end: Int
        switch dayReference(at: index) {
        case .none: return .none
        case .refused(let refusal): return .refused(refusal)
        case .matched(let value, let next): (reference, end) = (value, next)
        }
        var clockIndex = skipComma(end)
        var approximate = false
        while true {
            if let next = TimeVocabulary.approximatorEnd(in: tokens, at: clockIndex) {
                approximate = true
                clockIndex = next
            } else if isWord(clockIndex, "at") || isWord(clockIndex, "from") {
                clockIndex += 1
            } else {
                break
            }
        }
        switch clockTime(at: clockIndex, hint: reference.part, introduced: true) {
        case .refused(let refusal):
            return .refused(refusal)
        case .matched(let clock, let next):
            let instant = date(of: clock, on: reference)
            return .matched(
                Reading(band: TimeBand(instant: instant), widening: .seconds(1800), approximate: approximate),
                next: next)
        case .none:
            if reference.counted && reference.part == nil { return .none }
            let widening: Widening = reference.part == nil ? .days(1) : .seconds(1800)
            return .matched(Reading(band: band(of: reference), widening: widening), next: end)
        }
    }

    /// Reads "today", "yesterday", "this morning", "tonight", "last night", "tuesday", "last tuesday",
    /// a calendar date ("14 Nov", "14/11") or a counted day ("3 days ago"), and an optional
    /// following part of day ("yesterday evening"); refuses "tomorrow" and "next friday".
    public func dayReference(at index: Int) -> Step<DayReference> {
        if let (part, half, next) = partPrefix(at: index) {
            switch dayReference(at: next) {
            case .matched(var reference, let end):
                if let part { reference.part = part }
                if let half { reference.half = half }
                return .matched(reference, next: end)
            case .refused(let refusal):
                return .refused(refusal)
            case .none:
                guard part == .firstThing else { return .none }
                return .matched(DayReference(day: calendar.startOfDay(for: now), part: part), next: next)
            }
        }
        guard let first = word(index) ?? (index < tokens.count ? "" : nil) else { return .none }
        var offset: Int
        var part: DayPart?
        var end = index + 1
        var counted = false
        switch first {
        case "today":
            offset = 0
        case "yesterday":
            offset = -1
        case "tomorrow":
            return .refused(.future)
        case "later" where ["today", "on", "this", "tonight"].contains(word(index + 1) ?? ""):
            return .refused(.future)
        case "tonight":
            (offset, part) = hour(of: now) < 6 ? (-1, .night) : (0, .tonight)
        case "earlier" where word(index + 1) == "today":
            (offset, end) = (0, index + 2)
        case "the", "day":
            let start = first == "the" ? index + 1 : index
            if word(start) == "day", word(start + 1) == "before", word(start + 2) == "yesterday" {
                (offset, end) = (-2, start + 3)
            } else if word(start) == "day", word(start + 1) == "after", word(start + 2) == "tomorrow" {
                return .refused(.future)
            } else if first == "the", let weekday = weekday(start) {
                guard case .matched(let value, let next) = weekdayReference(weekday, at: start + 1, last: false)
                else { return .none }
                (offset, end) = (value, next)
            } else {
                switch calendarDate(at: index) {
                case .matched(let date, let next):
                    let (reference, after) = withPart(DayReference(day: date), at: next)
                    return .matched(reference, next: after)
                case .refused(let refusal):
                    return .refused(refusal)
                case .none:
                    return .none
                }
            }
        case "this":
            if let named = word(index + 1).flatMap({ TimeVocabulary.parts[$0] }), named != .night {
                (offset, part, end) = (0, named, index + 2)
            } else if word(index + 1) == "a", index + 2 < tokens.count, tokens[index + 2].kind == .symbol("."),
                word(index + 3) == "m"
            {
                (offset, part, end) = (0, .morning, index + 4)
                if index + 4 < tokens.count, tokens[index + 4].kind == .symbol(".") { end += 1 }
            } else if word(index + 1) == "past", let weekday = weekday(index + 2) {
                (offset, end) = (-daysSince(weekday, allowToday: false), index + 3)
            } else if let weekday = weekday(index + 1) {
                (offset, end) = (-daysSince(weekday), index + 2)
            } else {
                return .none
            }
        case "last":
            if word(index + 1) == "night" {
                (offset, part, end) = (-1, .night, index + 2)
            } else if let named = word(index + 1).flatMap({ TimeVocabulary.parts[$0] }), named == .evening {
                (offset, part, end) = (-1, named, index + 2)
            } else if let weekday = weekday(index + 1) {
                let days = daysSince(weekday)
                (offset, end) = (days == 0 ? -7 : -days, index + 2)
            } else {
                return .none
            }
        case "late" where word(index + 1) == "last" && word(index + 2) == "night":
            (offset, part, end) = (-1, .lateNight, index + 3)
        case "next":
            return weekday(index + 1) == nil ? .none : .refused(.future)
        default:
            if let weekday = weekday(index) {
                switch weekdayReference(weekday, at: index + 1, last: false) {
                case .matched(let value, let next): (offset, end) = (value, next)
                case .refused(let refusal): return .refused(refusal)
                case .none: return .none
                }
            } else if let (days, next) = countedDays(at: index) {
                (offset, end, counted) = (-days, next, true)
            } else {
                switch calendarDate(at: index) {
                case .matched(let date, let next):
                    let (reference, after) = withPart(DayReference(day: date), at: next)
                    return .matched(reference, next: after)
                case .refused(let refusal):
                    return .refused(refusal)
                case .none:
                    return .none
                }
            }
        }
        var reference = DayReference(day: calendar.startOfDay(offset, from: now), part: part, counted: counted)
        if part == nil { (reference, end) = withPart(reference, at: end) }
        return .matched(reference, next: end)
    }

    /// Words before a day that narrow it: "first thing", "in the early hours of", "early",
    /// "late", "towards the end of", "the start of".
    private func partPrefix(at index: Int) -> (DayPart?, Int?, Int)? {
        var position = index
        if word(position) == "first", word(position + 1) == "thing" {
            position += 2
            if word(position) == "on" { position += 1 }
            return (.firstThing, nil, position)
        }
        if word(position) == "in" { position += 1 }
        if word(position) == "the" { position += 1 }
        if word(position) == "early", word(position + 1) == "hours", word(position + 2) == "of" {
            return (.earlyHours, nil, position + 3)
        }
        if word(position) == "towards" || word(position) == "toward" {
            position += 1
            if word(position) == "the" { position += 1 }
        }
        switch word(position) {
        case "early" where word(position + 1) != "hours": return (nil, 0, position + 1)
        case "late" where word(position + 1) != "last": return (nil, 1, position + 1)
        case "start", "beginning", "end":
            guard word(position + 1) == "of" else { return nil }
            return (nil, word(position) == "end" ? 1 : 0, position + 2)
        default: return nil
        }
    }

    /// A weekday already read at `index - 1`, with what may follow it: a date that must agree
    /// ("Thursday the 12th", "Mon 16th Nov"), "before last", "gone", "just passed", "of last week".
    private func weekdayReference(_ weekday: Int, at index: Int, last: Bool) -> Step<Int> {
        var position = skipComma(index)
        if case .matched(let date, let next) = calendarDate(at: position) {
            guard calendar.component(.weekday, from: date) == weekday else {
                return .refused(.impossible(source(index - 1, next)))
            }
            let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: date).day ?? 0
            return .matched(days, next: next)
        } else if case .refused(let refusal) = calendarDate(at: position) {
            return .refused(refusal)
        }
        position = index
        if word(position) == "before", word(position + 1) == "last" {
            let days = daysSince(weekday, allowToday: false)
            return .matched(-days - 7, next: position + 2)
        }
        if word(position) == "gone" {
            return .matched(-daysSince(weekday, allowToday: false), next: position + 1)
        }
        if word(position) == "just", word(position + 1) == "passed" || word(position + 1) == "gone" {
            return .matched(-daysSince(weekday, allowToday: false), next: position + 2)
        }
        if word(position) == "last" || word(position) == "this", word(position + 1) == "week" {
            position -= 1
        }
        if word(position) == "of" || word(position + 1) == "last" || word(position + 1) == "this",
            word(position + 2) == "week", let which = word(position + 1), which == "last" || which == "this"
        {
            let monday = mondayOffset()
            let day = (weekday + 5) % 7  // Monday = 0
            let offset = which == "this" ? monday + day : monday - 7 + day
            guard offset <= 0 else { return .refused(.future) }
            return .matched(offset, next: position + 3)
        }
        return .matched(-daysSince(weekday), next: index)
    }

    /// "3 days ago", "two days back", "4d ago": whole days counted back.
    private func countedDays(at index: Int) -> (Int, Int)? {
        guard let (quantity, end) = QuantityReader(tokens: tokens).quantity(at: index),
            quantity.low == quantity.high, quantity.low.months == 0, quantity.low.seconds == 0,
            quantity.low.days == quantity.low.days.rounded(), quantity.low.days >= 1,
            quantity.low.days <= 31,
            word(end) == "ago" || word(end) == "back"
        else { return nil }
        return (Int(quantity.low.days), end + 1)
    }

    /// `reference` narrowed by a part of the day that follows at `index` ("evening", "in the
    /// morning", ", morning time", "over lunch", "first thing").
    func withPart(_ reference: DayReference, at index: Int) -> (DayReference, Int) {
        var position = skipComma(index)
        var early = false
        if ["at", "over", "around", "about"].contains(word(position) ?? ""), word(position + 1) != nil,
            ["lunch", "lunchtime", "teatime", "tea", "night"].contains(word(position + 1)!)
        {
            position += 1
        }
        if word(position) == "in", word(position + 1) == "the" {
            position += 2
            if word(position) == "early", word(position + 1) == "hours" {
                var result = reference
                result.part = .earlyHours
                return (result, position + 2)
            }
            if word(position) == "early" {
                early = true
                position += 1
            }
        }
        if word(position) == "first", word(position + 1) == "thing" {
            var result = reference
            result.part = .firstThing
            return (result, position + 2)
        }
        var part: DayPart?
        var end = position + 1
        if let named = word(position).flatMap({ TimeVocabulary.parts[$0] }) {
            part = named
        } else if word(position) == "a" || word(position) == "p", position + 2 < tokens.count,
            tokens[position + 1].kind == .symbol("."), word(position + 2) == "m"
        {
            part = word(position) == "a" ? .morning : .afterMidday
            end = position + 3
            if end < tokens.count, tokens[end].kind == .symbol(".") { end += 1 }
        } else if word(position) == "tea" {
            part = .teatime
        } else if word(position) == "nite" {
            part = .night
        }
        guard var found = part else { return (reference, index) }
        if word(end) == "time" { end += 1 }
        if early, found == .morning { found = .firstThing }
        var result = reference
        result.part = found
        return (result, end)
    }

    /// The whole day or the named part of it (night runs 20:00 to 06:00 the next day).
    public func band(of reference: DayReference) -> TimeBand {
        let (start, stop): (Int, Int)
        switch reference.part {
        case nil: (start, stop) = (0, 24 * 60)
        case .morning: (start, stop) = (5 * 60, 12 * 60)
        case .afternoon: (start, stop) = (12 * 60, 17 * 60)
        case .evening: (start, stop) = (17 * 60, 22 * 60)
        case .tonight: (start, stop) = (17 * 60, 24 * 60)
        case .night: (start, stop) = (20 * 60, 30 * 60)
        case .lunchtime: (start, stop) = (11 * 60 + 30, 14 * 60 + 30)
        case .teatime: (start, stop) = (16 * 60, 19 * 60)
        case .firstThing: (start, stop) = (5 * 60 + 30, 9 * 60)
        case .earlyHours: (start, stop) = (0, 6 * 60)
        case .afterMidday: (start, stop) = (12 * 60, 23 * 60)
        case .lateNight: (start, stop) = (21 * 60, 27 * 60)
        }
        var (from, to) = (start, stop)
        if let half = reference.half {
            let middle = (from + to) / 2
            (from, to) = half == 0 ? (from, middle) : (middle, to)
        }
        func moment(_ minutes: Int) -> Date {
            let day = minutes >= 24 * 60 ? calendar.startOfDay(1, from: reference.day) : reference.day
            let rest = minutes >= 24 * 60 ? minutes - 24 * 60 : minutes
            return calendar.date(hour: rest / 60, minute: rest % 60, on: day)
        }
        return TimeBand(
            earliest: moment(from), latest: to == 24 * 60 ? calendar.startOfDay(1, from: reference.day) : moment(to))
    }

    /// The moment `clock` on the referenced day; small hours of a night belong to the next day.
    public func date(of clock: ClockTime, on reference: DayReference) -> Date {
        var day = reference.day
        if reference.part == .night || reference.part == .tonight || reference.part == .lateNight, clock.hour < 12 {
            day = calendar.startOfDay(1, from: day)
        }
        return calendar.date(hour: clock.hour, minute: clock.minute, on: day)
    }

    func weekday(_ index: Int) -> Int? {
        guard let name = word(index) else { return nil }
        if let weekday = TimeVocabulary.weekdays[name] { return weekday }
        return mode == .whole ? TimeVocabulary.weekdayAbbreviations[name] : nil
    }

    /// Days back from today to the most recent `weekday` (0 when today is that weekday, or 7
    /// when `allowToday` is false).
    func daysSince(_ weekday: Int, allowToday: Bool = true) -> Int {
        let days = (calendar.component(.weekday, from: now) - weekday + 7) % 7
        return days == 0 && !allowToday ? 7 : days
    }

    /// Days from today back to this week's Monday (0 or negative).
    func mondayOffset() -> Int {
        -((calendar.component(.weekday, from: now) + 5) % 7)
    }

    private func hour(of date: Date) -> Int {
        calendar.component(.hour, from: date)
    }
}
