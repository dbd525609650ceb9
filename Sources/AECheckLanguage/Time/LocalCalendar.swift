import Foundation

extension Calendar {
    /// A Gregorian calendar in `timeZone` that does not depend on the system locale.
    public static func local(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    /// The start of the day `offset` calendar days from the day holding `date`.
    public func startOfDay(_ offset: Int, from date: Date) -> Date {
        let start = startOfDay(for: date)
        guard offset != 0 else { return start }
        let moved = self.date(byAdding: .day, value: offset, to: start) ?? start
        return startOfDay(for: moved)
    }

    /// The local clock time `hour:minute` on the day starting at `day`.
    ///
    /// Hour 24 is the start of the next day. A clock time skipped by a DST change resolves to the
    /// valid moment Foundation picks (01:30 on a London spring-forward day is 02:30 BST).
    public func date(hour: Int, minute: Int, second: Int = 0, on day: Date) -> Date {
        if hour >= 24 { return startOfDay(1, from: day) }
        var components = dateComponents([.year, .month, .day], from: day)
        components.hour = hour
        components.minute = minute
        components.second = second
        return date(from: components) ?? day.addingTimeInterval(Double(hour * 3600 + minute * 60 + second))
    }
}

/// How "about" widens a band.
public enum Widening: Sendable {
    /// By a fixed number of seconds each side.
    case seconds(TimeInterval)
    /// By whole calendar days each side.
    case days(Int)

    /// `band` widened on both ends.
    public func widen(_ band: TimeBand, calendar: Calendar) -> TimeBand {
        switch self {
        case .seconds(let seconds):
            return TimeBand(
                earliest: band.earliest.addingTimeInterval(-seconds),
                latest: band.latest.addingTimeInterval(seconds))
        case .days(let days):
            return TimeBand(
                earliest: calendar.date(byAdding: .day, value: -days, to: band.earliest) ?? band.earliest,
                latest: calendar.date(byAdding: .day, value: days, to: band.latest) ?? band.latest)
        }
    }
}
