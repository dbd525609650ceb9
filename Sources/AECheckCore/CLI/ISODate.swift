import AECheckLanguage
import Foundation

/// ISO 8601 dates and date-times, read strictly: a real date of the years 1900 to 9999, a
/// real time of day, and an offset of at most 14 hours.
///
/// Accepted: `2026-11-21` (midnight in the given time zone), `2026-11-21T14:00`,
/// `2026-11-21 14:00:30`, `2026-11-21T14:00:30.250`, each optionally followed by `Z`,
/// `+01:00` or `-0500` (without one the time is read in the given time zone).
/// `2026-02-30`, `24:00`, `+25:00`, `0000-01-01` and `10000-01-01` are refused (nil): a date
/// is never moved to another day to make it fit.
enum ISODate {
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        if let date = UTCInstant.parse(text) { return date }  // the common form, without a calendar
        var reader = Digits(bytes: Array(text.utf8))
        guard let year = reader.number(4), (1900...9999).contains(year), reader.skip("-"),
            let month = reader.number(2), (1...12).contains(month), reader.skip("-"),
            let day = reader.number(2), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var zone = timeZone
        var fraction = 0.0
        if !reader.atEnd {
            guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
                let hour = reader.number(2), hour < 24, reader.skip(":"),
                let minute = reader.number(2), minute < 60
            else { return nil }
            components.hour = hour
            components.minute = minute
            if reader.skip(":") {
                guard let second = reader.number(2), second < 60 else { return nil }
                components.second = second
                if reader.skip(".") || reader.skip(",") {
                    let start = reader.index
                    guard let digits = reader.number(upTo: 9) else { return nil }
                    fraction = Double(digits) / pow(10, Double(reader.index - start))
                }
            }
            if reader.skip("Z") || reader.skip("z") {
                zone = TimeZone(identifier: "UTC")!
            } else if !reader.atEnd {
                let sign: Int
                if reader.skip("+") {
                    sign = 1
                } else if reader.skip("-") {
                    sign = -1
                } else {
                    return nil
                }
                guard let hours = reader.number(2) else { return nil }
                _ = reader.skip(":")
                guard let minutes = reader.number(2), minutes < 60, hours * 60 + minutes <= 14 * 60,
                    let offsetZone = TimeZone(secondsFromGMT: sign * (hours * 3600 + minutes * 60))
                else { return nil }
                zone = offsetZone
            }
        }
        guard reader.atEnd else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reads ASCII digits and separators from the front of a text.
    private struct Digits {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Skips `character` when it is next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` digits.
        mutating func number(_ count: Int) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// One to `limit` digits.
        mutating func number(upTo limit: Int) -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, index - start < limit, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return index > start ? value : nil
        }
    }
}
