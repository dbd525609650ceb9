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
    public func clockExpression(at index: Int) -> Step<Reading> {
        let clock: ClockTime
        let end: Int
        switch clockTime(at: index, hint: nil) {
        case .none: return .none
        case .refused(let refusal): return .refused(refusal)
        case .matched(let value, let next): (clock, end) = (value, next)
        }
        let dayIndex = word(end) == "on" ? end + 1 : end
        switch dayReference(at: dayIndex) {
        case .refused(let refusal):
            return .refused(refusal)
        case .matched(let reference, let next):
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
    /// and a bare hour when `hint` names a part of day ("yesterday evening at 8").
    public func clockTime(at index: Int, hint: DayPart?) -> Step<ClockTime> {
        guard index < tokens.count else { return .none }
        switch tokens[index].kind {
        case .word("noon"), .word("midday"): return .matched(ClockTime(hour: 12, minute: 0), next: index + 1)
        case .word("midnight"): return .matched(ClockTime(hour: 0, minute: 0), next: index + 1)
        case .number(let digits): return clockNumber(digits, at: index, hint: hint)
        default: return .none
        }
    }

    private func clockNumber(_ digits: String, at index: Int, hint: DayPart?) -> Step<ClockTime> {
        let next = index + 1
        let meridiem = self.meridiem(at: next)
        let end = meridiem?.next ?? next
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
        } else if digits.count <= 2, let value = Int(digits),
            let (part, after) = partSuffix(at: next) ?? hint.map({ ($0, next) })
        {
            guard value <= 23 else { return .refused(.impossible(written)) }
            return .matched(ClockTime(hour: adjust(value, for: part), minute: 0), next: after)
        } else {
            if mode == .whole, digits.count == 3 || digits.count == 4 {
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
                return .refused(.impossible(written))
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

    /// "in the morning", "in the afternoon", "in the evening", "at night" at `index`.
    private func partSuffix(at index: Int) -> (DayPart, Int)? {
        if word(index) == "at", word(index + 1) == "night" { return (.night, index + 2) }
        guard word(index) == "in", word(index + 1) == "the",
            let part = word(index + 2).flatMap({ TimeVocabulary.parts[$0] })
        else { return nil }
        return (part, index + 3)
    }

    /// A bare hour read in the light of a part of day: "8" in the evening is 20:00.
    private func adjust(_ hour: Int, for part: DayPart) -> Int {
        guard hour < 12 else { return part == .night && hour == 12 ? 0 : hour }
        switch part {
        case .morning: return hour
        case .afternoon, .evening, .tonight: return hour + 12
        case .night: return hour >= 6 ? hour + 12 : hour
        }
    }
}
