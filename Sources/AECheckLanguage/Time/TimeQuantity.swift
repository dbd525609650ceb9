import Foundation

/// An amount of time in calendar terms, so day and month steps follow the local calendar.
public struct CalendarSpan: Sendable, Equatable {
    public var months: Double = 0
    public var days: Double = 0
    public var seconds: Double = 0

    public static func + (lhs: CalendarSpan, rhs: CalendarSpan) -> CalendarSpan {
        CalendarSpan(
            months: lhs.months + rhs.months, days: lhs.days + rhs.days, seconds: lhs.seconds + rhs.seconds)
    }

    /// Length in seconds, counting a day as 24 hours and a month as 30 days.
    public var approximateSeconds: Double { (months * 30 + days) * 86_400 + seconds }

    /// Whether the span counts whole days or months (which need calendar arithmetic).
    public var usesCalendar: Bool { months != 0 || days != 0 }

    /// `date` moved by this span, forwards (`sign` 1) or backwards (`sign` -1).
    ///
    /// Whole months and days step the calendar (keeping the local clock time across DST);
    /// fractions fall back to fixed lengths.
    public func applied(to date: Date, sign: Int, calendar: Calendar) -> Date {
        let wholeMonths = months.rounded(.towardZero)
        let allDays = days + (months - wholeMonths) * 30
        let wholeDays = allDays.rounded(.towardZero)
        let rest = seconds + (allDays - wholeDays) * 86_400
        var result = date
        if wholeMonths != 0 {
            result = calendar.date(byAdding: .month, value: sign * Int(wholeMonths), to: result) ?? result
        }
        if wholeDays != 0 {
            result = calendar.date(byAdding: .day, value: sign * Int(wholeDays), to: result) ?? result
        }
        return result.addingTimeInterval(Double(sign) * rest)
    }
}

/// A possibly vague amount of time: "2 hours" (low == high) or "a few minutes" (2...10 minutes).
public struct TimeQuantity: Sendable {
    public var low: CalendarSpan
    public var high: CalendarSpan

    /// The middle of the amount in seconds.
    public var nominalSeconds: Double { (low.approximateSeconds + high.approximateSeconds) / 2 }

    /// How far "about" widens a band built from this amount: a quarter of the amount, at least five
    /// minutes, or at least one calendar day when the amount counts days.
    public var approximation: Widening {
        let quarter = nominalSeconds / 4
        if high.usesCalendar {
            return .days(max(1, Int((quarter / 86_400).rounded())))
        }
        return .seconds(max(quarter, 300))
    }
}

/// Reads amounts of time ("2 hours", "an hour and a half", "a few minutes", "1 hour 20 minutes").
public struct QuantityReader: Sendable {
    private enum Amount {
        case exact(Double)
        case range(Double, Double)
        case few, couple, several
    }

    public let tokens: [TimeToken]

    private func word(_ index: Int) -> String? {
        index < tokens.count ? tokens[index].word : nil
    }

    /// The quantity starting at `index` and the index after it, or nil.
    public func quantity(at index: Int) -> (TimeQuantity, Int)? {
        guard let (amount, unitIndex) = amount(at: index, allowArticle: true),
            let unit = word(unitIndex).flatMap({ TimeVocabulary.units[$0] })
        else { return nil }
        var end = unitIndex + 1
        var (low, high): (Double, Double)
        switch amount {
        case .exact(let value):
            (low, high) = (value, value)
            if let after = andAHalf(at: end) {
                (low, high) = (value + 0.5, value + 0.5)
                end = after
            } else if let after = andAQuarter(at: end) {
                (low, high) = (value + 0.25, value + 0.25)
                end = after
            } else if unit == .hour, let minutes = bareMinutes(at: end) {
                // "1 hr 30": the minutes go without their unit.
                (low, high) = (value + minutes / 60, value + minutes / 60)
                end += 1
            }
        case .range(let from, let to):
            (low, high) = (from, to)
        case .few: (low, high) = unit == .minute ? (2, 10) : (2, 4)
        case .couple: (low, high) = (1.5, 2.5)
        case .several: (low, high) = (3, 7)
        }
        var quantity = TimeQuantity(low: unit.span(low), high: unit.span(high))
        while let (extra, next) = compoundTerm(at: end) {
            quantity.low = quantity.low + extra
            quantity.high = quantity.high + extra
            end = next
        }
        return (quantity, end)
    }

    /// A further exact term of a compound amount ("and 30 minutes", "20 minutes").
    private func compoundTerm(at index: Int) -> (CalendarSpan, Int)? {
        let hasAnd = word(index) == "and"
        let start = hasAnd ? index + 1 : index
        guard let (amount, unitIndex) = amount(at: start, allowArticle: hasAnd),
            case .exact(var value) = amount,
            let unit = word(unitIndex).flatMap({ TimeVocabulary.units[$0] })
        else { return nil }
        var end = unitIndex + 1
        if let after = andAHalf(at: end) {
            value += 0.5
            end = after
        }
        return (unit.span(value), end)
    }

    /// Two digits after an hour with no unit of their own ("1 hr 30").
    private func bareMinutes(at index: Int) -> Double? {
        guard index < tokens.count, case .number(let digits) = tokens[index].kind, digits.count == 2,
            let minutes = Double(digits), minutes < 60
        else { return nil }
        if let next = word(index + 1), TimeVocabulary.units[next] != nil { return nil }
        return minutes
    }

    private func andAQuarter(at index: Int) -> Int? {
        word(index) == "and" && word(index + 1) == "a" && word(index + 2) == "quarter" ? index + 3 : nil
    }

    /// "2 or 3", "2-3", "2 to 3", "twenty odd" after a first amount `value` ending before `index`.
    private func rangeEnd(from value: Double, at index: Int) -> (Amount, Int)? {
        if word(index) == "odd" { return (.range(value, value + 9), index + 1) }
        let isDash = index < tokens.count && tokens[index].kind == .symbol("-")
        guard word(index) == "or" || word(index) == "to" || isDash, index + 1 < tokens.count else { return nil }
        var second: Double?
        if case .number(let text) = tokens[index + 1].kind, !text.contains(":") { second = Double(text) }
        if let name = tokens[index + 1].word { second = TimeVocabulary.number(name) }
        guard let second, second > value, second <= value * 3 + 2,
            index + 2 < tokens.count, tokens[index + 2].word.map({ TimeVocabulary.units[$0] != nil }) == true
        else { return nil }
        return (.range(value, second), index + 2)
    }

    private func andAHalf(at index: Int) -> Int? {
        word(index) == "and" && word(index + 1) == "a" && word(index + 2) == "half" ? index + 3 : nil
    }

    private func skipOf(_ index: Int) -> Int {
        word(index) == "of" ? index + 1 : index
    }

    private func amount(at index: Int, allowArticle: Bool) -> (Amount, Int)? {
        guard index < tokens.count else { return nil }
        if case .number(let text) = tokens[index].kind {
            // Absurd amounts are not times (and would overflow calendar arithmetic).
            guard let value = Double(text), value <= 10_000 else { return nil }
            if word(index + 1) == "ish", let unit = word(index + 2), TimeVocabulary.units[unit] != nil {
                return (.exact(value), index + 2)
            }
            if let after = andAHalf(at: index + 1) { return (.exact(value + 0.5), after) }
            if let range = rangeEnd(from: value, at: index + 1) { return range }
            return (.exact(value), index + 1)
        }
        guard let word = word(index) else { return nil }
        switch word {
        case "a", "an":
            guard allowArticle else { return nil }
            switch self.word(index + 1) {
            case "couple": return (.couple, skipOf(index + 2))
            case "few": return (.few, index + 2)
            case "half": return (.exact(0.5), index + 2)
            case "quarter": return quarter(at: index + 1)
            default: return (.exact(1), index + 1)
            }
        case "couple": return (.couple, skipOf(index + 1))
        case "few": return (.few, index + 1)
        case "several": return (.several, index + 1)
        case "half":
            let next = self.word(index + 1)
            return (.exact(0.5), next == "a" || next == "an" ? index + 2 : index + 1)
        case "quarter": return quarter(at: index)
        default:
            guard var value = TimeVocabulary.number(word) else { return nil }
            var end = index + 1
            if TimeVocabulary.isTens(word), let one = self.word(end).flatMap(TimeVocabulary.digitWord) {
                value += one
                end += 1
            }
            if self.word(end) == "ish", let unit = self.word(end + 1), TimeVocabulary.units[unit] != nil {
                return (.exact(value), end + 1)
            }
            if let after = andAHalf(at: end) { return (.exact(value + 0.5), after) }
            if let range = rangeEnd(from: value, at: end) { return range }
            return (.exact(value), end)
        }
    }

    private func quarter(at index: Int) -> (Amount, Int) {
        if word(index + 1) == "of", let article = word(index + 2), article == "a" || article == "an" {
            return (.exact(0.25), index + 3)
        }
        return (.exact(0.25), index + 1)
    }
}
