import Foundation

/// A wall-clock time of day, 24-hour.
public struct ClockTime: Equatable, CustomStringConvertible, Sendable {
    public var hour: Int
    public var minute: Int

    /// "HH:mm", zero-padded.
    public var description: String {
        func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(padded(hour)):\(padded(minute))"
    }
}

extension PhraseParser {
    /// Reads a clock time, optionally followed by a day ("3pm yesterday"); a bare clock time is its
    /// latest past occurrence, with the day before as the alternative.
    public func clockExpression(at index: Int, introduced: Bool = false) -> Step<Reading> {
        if word(index) == "just", let direction = word(index + 1), direction == "after" || direction == "before" {
            guard case .matched(var reading, let next) = clockExpression(at: index + 2, introduced: true) else {
                return .none
            }
            let shift: TimeInterval = direction == "after" ? 1800 : -1800
            let moved = reading.band.shifted(by: shift)
            reading.band = TimeBand(
                earliest: min(reading.band.earliest, moved.earliest), latest: max(reading.band.latest, moved.latest))
            reading.alternative = nil
            return .matched(reading, next: next)
        }
        let clock: ClockTime
        let end: Int
        switch clockTime(at: index, hint: nil, introduced: introduced) {
        case .none: return .none
        case .refused(let refusal): return .refused(refusal)
        case .matched(let value, let next): (clock, end) = (value, next)
        }
        var dayIndex = skipComma(end)
        if word(dayIndex) == "on" { dayIndex += 1 }
        switch dayReference(at: dayIndex) {
        case .refused(let refusal):
            return .refused(refusal)
        case .matched(let reference, let next):
            var clock = clock
            if let part = reference.part,
                case .matched(let hinted, _) = clockTime(at: index, hint: part, introduced: introduced)
            {
                clock = hinted
            }
            let instant = date(of: clock, on: reference)
            return .matched(Reading(band: TimeBand(instant: instant), widening: .seconds(1800)), next: next)
        case .none:
            break
        }
        var day = calendar.startOfDay(for: now)
        var dayName = "today"
        var instant = calendar.date(hour: clock.hour, minute: clock.minute, on: day)
        if instant > now {
            day = calendar.startOfDay(-1, from: now)
            dayName = "yesterday"
            instant = calendar.date(hour: clock.hour, minute: clock.minute, on: day)
        }
        let earlier = calendar.date(
            hour: clock.hour, minute: clock.minute, on: calendar.startOfDay(-1, from: day))
        let shown = clock.description
        let reading = Reading(
            band: TimeBand(instant: instant), alternative: TimeBand(instant: earlier),
            note: "read \(source(index, end)) as \(dayName) at \(shown)", widening: .seconds(1800))
        return .matched(reading, next: end)
    }

    /// Reads "10:30", "10.30", "10:30 pm", "3pm", "3 p.m.", "noon", "midnight", "8 in the evening",
    /// "0930", "half 10", "quarter past ten", "ten to nine", "10 o'clock", and a bare hour when
    /// `hint` names a part of day ("yesterday evening at 8") or the hour was `introduced` ("at 9",
    /// "about 2"): a bare hour is read in clinic hours, 7 to 12 in the morning, 1 to 6 in the afternoon.
    public func clockTime(at index: Int, hint: DayPart?, introduced: Bool = false) -> Step<ClockTime> {
        guard index < tokens.count else { return .none }
        if let spoken = spokenClock(at: index, hint: hint) { return spoken }
        switch tokens[index].kind {
        case .word("noon"), .word("midday"): return .matched(ClockTime(hour: 12, minute: 0), next: index + 1)
        case .word("midnight"): return .matched(ClockTime(hour: 0, minute: 0), next: index + 1)
        case .number(let digits): return clockNumber(digits, at: index, hint: hint, introduced: introduced)
        case .word(let word):
            guard let value = TimeVocabulary.number(word), value >= 1, value <= 12 else { return .none }
            return hourOnly(Int(value), at: index, hint: hint, introduced: introduced)
        default: return .none
        }
    }

    /// An hour with no minutes ("ten pm", "at eleven", "9 o'clock"): needs a meridiem, a part of
    /// the day, "o'clock", "ish", or a lead word; then read in clinic hours.
    private func hourOnly(_ value: Int, at index: Int, hint: DayPart?, introduced: Bool) -> Step<ClockTime> {
        let next = index + 1
        let written = source(index, next)
        if let meridiem = meridiem(at: next) {
            guard (1...12).contains(value) else { return .refused(.impossible(source(index, meridiem.next))) }
            return .matched(ClockTime(hour: value % 12 + (meridiem.isPM ? 12 : 0), minute: 0), next: meridiem.next)
        }
        var end = next
        var evidence = introduced
        if word(end) == "o'clock" || word(end) == "oclock" {
            end += 1
            evidence = true
        }
        if let (part, after) = partSuffix(at: end) ?? hint.map({ ($0, end) }) {
            guard value <= 23 else { return .refused(.impossible(written)) }
            return .matched(ClockTime(hour: adjust(value, for: part), minute: 0), next: after)
        }
        if TimeVocabulary.approximateSuffixEnd(in: tokens, at: end) != nil { evidence = true }
        if !evidence, isWord(index - 1, "at"), case .matched(let reference, _) = dayReference(at: skipComma(end)),
            reference.part != nil || word(skipComma(end)) == "yesterday" || word(skipComma(end)) == "today"
        {
            evidence = true
        }
        guard evidence, !isUnit(end) else { return .none }
        guard value <= 23 else { return .refused(.impossible(written)) }
        return .matched(ClockTime(hour: clinicHour(value), minute: 0), next: end)
    }

    /// A bare hour read in clinic hours: 1 to 6 are afternoon hours, 7 to 12 morning ones (12 is noon).
    private func clinicHour(_ hour: Int) -> Int {
        (1...6).contains(hour) ? hour + 12 : hour
    }

    private func isUnit(_ index: Int) -> Bool {
        word(index).map { TimeVocabulary.units[$0] != nil } ?? false
    }

    /// The hour named at `index` (1 to 12, in digits or words) and the index after it.
    private func spokenHour(at index: Int) -> (Int, Int)? {
        guard index < tokens.count else { return nil }
        switch tokens[index].kind {
        case .number(let digits):
            guard digits.count <= 2, let value = Int(digits), (1...12).contains(value) else { return nil }
            return (value, index + 1)
        case .word(let word):
            guard let value = TimeVocabulary.number(word), (1...12).contains(Int(value)) else { return nil }
            return (Int(value), index + 1)
        default:
            return nil
        }
    }

    /// "half 10", "half past ten", "quarter past/after/to 9", "twenty to 9", "5 past 9".
    private func spokenClock(at index: Int, hint: DayPart?) -> Step<ClockTime>? {
        var position = index
        if word(position) == "a", word(position + 1) == "quarter" { position += 1 }
        var minutes: Int
        var before = false
        guard let first = word(position) ?? numberValue(position).map({ _ in "" }) else { return nil }
        if first == "half" {
            minutes = 30
            position += 1
            if word(position) == "past" || word(position) == "after" { position += 1 }
        } else if first == "quarter" {
            minutes = 15
            position += 1
            guard let relation = word(position) else { return nil }
            switch relation {
            case "past", "after": break
            case "to", "of": before = true
            default: return nil
            }
            position += 1
        } else {
            guard let value = numberValue(position) ?? TimeVocabulary.number(first).map(Int.init),
                [5, 10, 20, 25].contains(value)
            else { return nil }
            minutes = value
            position += 1
            if word(position) == "minutes" || word(position) == "mins" { position += 1 }
            guard let relation = word(position) else { return nil }
            switch relation {
            case "past", "after": break
            case "to" where word(index - 1) != "from" && word(index - 1) != "between": before = true
            default: return nil
            }
            position += 1
        }
        guard let (hour, next) = spokenHour(at: position), !isUnit(next) else { return nil }
        var clockHour = before ? (hour == 1 ? 12 : hour - 1) : hour
        let clockMinute = before ? 60 - minutes : minutes
        var end = next
        if word(end) == "o'clock" { end += 1 }
        if let meridiem = meridiem(at: end) {
            let base = before ? hour : clockHour
            var converted = base % 12 + (meridiem.isPM ? 12 : 0)
            if before { converted = (converted + 23) % 24 }
            return .matched(ClockTime(hour: converted, minute: clockMinute), next: meridiem.next)
        }
        if let (part, after) = partSuffix(at: end) ?? hint.map({ ($0, end) }) {
            let base = adjust(hour, for: part)
            clockHour = before ? (base + 23) % 24 : base
            return .matched(ClockTime(hour: clockHour, minute: clockMinute), next: after)
        }
        let base = clinicHour(hour)
        clockHour = before ? (base + 23) % 24 : base
        return .matched(ClockTime(hour: clockHour, minute: clockMinute), next: end)
    }

    private func numberValue(_ index: Int) -> Int? {
        guard index < tokens.count, case .number(let digits) = tokens[index].kind, digits.count <= 2 else {
            return nil
        }
        return Int(digits)
    }

    private func clockNumber(_ digits: String, at index: Int, hint: DayPart?, introduced: Bool) -> Step<ClockTime> {
        let next = index + 1
        let meridiem = self.meridiem(at: next)
        var end = meridiem?.next ?? next
        let written = source(index, end)
        let separated = digits.contains(":") || digits.contains(".")
        var hour: Int
        var minute = 0
        if separated {
            let pieces = digits.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
            let dotted = !digits.contains(":")
            guard pieces.count == 2 || (!dotted && pieces.count == 3), pieces[1].count == 2 || !dotted else {
                return .none
            }
            guard pieces[0].count <= 2, pieces[1].count == 2, let h = Int(pieces[0]), let m = Int(pieces[1]),
                pieces.count == 2 || Int(pieces[2]).map({ (0...59).contains($0) }) == true
            else { return .refused(.impossible(written)) }
            (hour, minute) = (h, m)
        } else if meridiem != nil {
            guard digits.count <= 4, let value = Int(digits) else { return .refused(.impossible(written)) }
            (hour, minute) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        } else if digits == "12", let special = word(next), special == "noon" || special == "midnight" {
            return .matched(ClockTime(hour: special == "noon" ? 12 : 0, minute: 0), next: next + 1)
        } else if digits.count <= 2, let value = Int(digits) {
            return hourOnly(value, at: index, hint: hint, introduced: introduced)
        } else if digits.count == 4, let value = Int(digits) {
            let suffixed = ["h", "hr", "hrs"].contains(word(next) ?? "") && (touching(index) || word(next) != "h")
            if suffixed { end = next + 1 }
            let year = (1900...2099).contains(value)
            guard suffixed || introduced || hint != nil || (!year && mode == .whole) else {
                return mode == .whole ? .refused(.unrecognised(digits)) : .none
            }
            if !suffixed, isUnit(next) { return .none }
            (hour, minute) = (value / 100, value % 100)
        } else {
            if mode == .whole, digits.count == 3 {
                return .refused(.unrecognised(digits))
            }
            return .none
        }
        if let meridiem {
            guard (1...12).contains(hour), (0...59).contains(minute) else {
                return .refused(.impossible(written))
            }
            hour = hour % 12 + (meridiem.isPM ? 12 : 0)
        } else {
            guard (0...23).contains(hour), (0...59).contains(minute) else {
                return .refused(.impossible(source(index, end)))
            }
            if hour < 12, let (part, after) = partSuffix(at: end) {
                hour = adjust(hour, for: part)
                end = after
            }
        }
        return .matched(ClockTime(hour: hour, minute: minute), next: end)
    }

    /// "am", "pm", "a.m.", "p.m" at `index`.
    private func meridiem(at index: Int) -> (isPM: Bool, next: Int)? {
        switch word(index) {
        case "am": return (false, index + 1)
        case "pm": return (true, index + 1)
        case "a", "p":
            guard index + 2 < tokens.count, tokens[index + 1].kind == .symbol("."), word(index + 2) == "m"
            else {
                return nil
            }
            let dotted = index + 3 < tokens.count && tokens[index + 3].kind == .symbol(".")
            return (word(index) == "p", dotted ? index + 4 : index + 3)
        default:
            return nil
        }
    }

    /// "in the morning", "in the afternoon", "in the evening", "at night", "in the am" at `index`.
    private func partSuffix(at index: Int) -> (DayPart, Int)? {
        if word(index) == "at", word(index + 1) == "night" { return (.night, index + 2) }
        guard word(index) == "in", word(index + 1) == "the",
            let part = word(index + 2).flatMap({ TimeVocabulary.parts[$0] })
        else { return nil }
        return (part, index + 3)
    }

    /// A bare hour read in the light of a part of day: "8" in the evening is 20:00.
    private func adjust(_ hour: Int, for part: DayPart) -> Int {
        guard hour < 12 else { return (part == .night || part == .lateNight) && hour == 12 ? 0 : hour }
        switch part {
        case .morning, .firstThing, .earlyHours: return hour
        case .afternoon, .evening, .tonight, .teatime, .afterMidday: return hour + 12
        case .lunchtime: return hour < 6 ? hour + 12 : hour
        case .night, .lateNight: return hour >= 6 ? hour + 12 : hour
        }
    }
}
