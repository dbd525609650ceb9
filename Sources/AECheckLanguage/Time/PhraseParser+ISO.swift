import Foundation

extension PhraseParser {
    /// Reads an ISO 8601 stamp: a date is the whole day, a date-time an instant (in the context
    /// time zone unless the stamp carries an offset).
    public func iso(_ stamp: ISOStamp, at index: Int) -> Step<Reading> {
        var calendar = self.calendar
        if let offset = stamp.offsetSeconds {
            guard let zone = TimeZone(secondsFromGMT: offset) else {
                return .refused(.impossible(stamp.text))
            }
            calendar.timeZone = zone
        }
        let components = DateComponents(year: stamp.year, month: stamp.month, day: stamp.day)
        guard (1...12).contains(stamp.month), (1...31).contains(stamp.day),
            let day = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: day) == components
        else { return .refused(.impossible(stamp.text)) }
        guard let hour = stamp.hour, let minute = stamp.minute else {
            let band = TimeBand(earliest: day, latest: calendar.startOfDay(1, from: day))
            return .matched(Reading(band: band, widening: .days(1)), next: index + 1)
        }
        let second = stamp.second ?? 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            return .refused(.impossible(stamp.text))
        }
        let instant = calendar.date(hour: hour, minute: minute, second: second, on: day)
        return .matched(Reading(band: TimeBand(instant: instant), widening: .seconds(1800)), next: index + 1)
    }
}
