import Foundation

/// A named day, possibly narrowed to a part of it ("yesterday", "tuesday evening", "last night").
public struct DayReference: Sendable {
    /// Start of the day the reference is counted from.
    public var day: Date
    public var part: DayPart?
}

extension PhraseParser {
    /// Reads a day reference, optionally followed by a clock time ("yesterday at 3pm").
    public func dayExpression(at index: Int) -> Step<Reading> {
        let reference: DayReference
        let end: Int
        switch dayReference(at: index) {
        case .none: return .none
        case .refused(let refusal): return .refused(refusal)
        case .matched(let value, let next): (reference, end) = (value, next)
        }
        var clockIndex = word(end) == "at" ? end + 1 : end
        var approximate = false
        while let next = TimeVocabulary.approximatorEnd(in: tokens, at: clockIndex) {
            approximate = true
            clockIndex = next
        }
        switch clockTime(at: clockIndex, hint: reference.part) {
        case .refused(let refusal):
            return .refused(refusal)
        case .matched(let clock, let next):
            let instant = date(of: clock, on: reference)
            return .matched(
                Reading(band: TimeBand(instant: instant), widening: .seconds(1800), approximate: approximate),
                next: next)
        case .none:
            let widening: Widening = reference.part == nil ? .days(1) : .seconds(1800)
            return .matched(Reading(band: band(of: reference), widening: widening), next: end)
        }
    }

    /// Reads "today", "yesterday", "this morning", "tonight", "last night", "tuesday", "last tuesday"
    /// and an optional following part of day ("yesterday evening"); refuses "tomorrow" and "next friday".
    public func dayReference(at index: Int) -> Step<DayReference> {
        guard let first = word(index) else { return .none }
        var offset: Int
        var part: DayPart?
        var end = index + 1
        switch first {
        case "today":
            offset = 0
        case "yesterday":
            offset = -1
        case "tomorrow":
            return .refused(.future)
        case "tonight":
            (offset, part) = hour(of: now) < 6 ? (-1, .night) : (0, .tonight)
        case "earlier" where word(index + 1) == "today":
            (offset, end) = (0, index + 2)
        case "the", "day":
            let start = first == "the" ? index + 1 : index
            guard word(start) == "day", word(start + 1) == "before", word(start + 2) == "yesterday" else {
                return .none
            }
            (offset, end) = (-2, start + 3)
        case "this":
            if let named = word(index + 1).flatMap({ TimeVocabulary.parts[$0] }), named != .night {
                (offset, part, end) = (0, named, index + 2)
            } else if let weekday = weekday(index + 1) {
                (offset, end) = (-daysSince(weekday), index + 2)
            } else {
                return .none
            }
        case "last":
            if word(index + 1) == "night" {
                (offset, part, end) = (-1, .night, index + 2)
            } else if let weekday = weekday(index + 1) {
                let days = daysSince(weekday)
                (offset, end) = (days == 0 ? -7 : -days, index + 2)
            } else {
                return .none
            }
        case "next":
            return weekday(index + 1) == nil ? .none : .refused(.future)
        default:
            guard let weekday = weekday(index) else { return .none }
            offset = -daysSince(weekday)
        }
        if part == nil {
            let partIndex = word(end) == "in" && word(end + 1) == "the" ? end + 2 : end
            if let named = word(partIndex).flatMap({ TimeVocabulary.parts[$0] }) {
                (part, end) = (named, partIndex + 1)
            }
        }
        return .matched(DayReference(day: calendar.startOfDay(offset, from: now), part: part), next: end)
    }

    /// The whole day or the named part of it (night runs 20:00 to 06:00 the next day).
    public func band(of reference: DayReference) -> TimeBand {
        let (from, to): (Int, Int)
        switch reference.part {
        case nil: (from, to) = (0, 24)
        case .morning: (from, to) = (5, 12)
        case .afternoon: (from, to) = (12, 17)
        case .evening: (from, to) = (17, 22)
        case .tonight: (from, to) = (17, 24)
        case .night: (from, to) = (20, 30)
        }
        let start = calendar.date(hour: from, minute: 0, on: reference.day)
        let end =
            to > 24
            ? calendar.date(hour: to - 24, minute: 0, on: calendar.startOfDay(1, from: reference.day))
            : calendar.date(hour: to, minute: 0, on: reference.day)
        return TimeBand(earliest: start, latest: end)
    }

    /// The moment `clock` on the referenced day; small hours of a night belong to the next day.
    public func date(of clock: ClockTime, on reference: DayReference) -> Date {
        var day = reference.day
        if reference.part == .night || reference.part == .tonight, clock.hour < 12 {
            day = calendar.startOfDay(1, from: day)
        }
        return calendar.date(hour: clock.hour, minute: clock.minute, on: day)
    }

    private func weekday(_ index: Int) -> Int? {
        guard let name = word(index) else { return nil }
        if let weekday = TimeVocabulary.weekdays[name] { return weekday }
        return mode == .whole ? TimeVocabulary.weekdayAbbreviations[name] : nil
    }

    /// Days back from today to the most recent `weekday` (0 when today is that weekday).
    private func daysSince(_ weekday: Int) -> Int {
        (calendar.component(.weekday, from: now) - weekday + 7) % 7
    }

    private func hour(of date: Date) -> Int {
        calendar.component(.hour, from: date)
    }
}
