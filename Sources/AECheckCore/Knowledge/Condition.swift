import AECheckLanguage
import Foundation

/// A length of time as written in knowledge (`2h`, `4w`, `6mo`), added in calendar terms.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    /// Units a span is written in.
    public enum Unit: String, Sendable, CaseIterable {
        case minute = "m", hour = "h", day = "d", week = "w", month = "mo", year = "y"
    }

    /// How many units.
    public var amount: Int
    /// Which unit.
    public var unit: Unit

    /// Reads `30m`, `2h`, `3d`, `4w`, `6mo`, `2y`; nil otherwise.
    public init?(_ text: some StringProtocol) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let amount = Int(digits),
            let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// The date this span after `date`, in the given calendar.
    public func added(to date: Date, calendar: Calendar) -> Date {
        let component: Calendar.Component
        var value = amount
        switch unit {
        case .minute: return date + Double(amount) * 60
        case .hour: return date + Double(amount) * 3600
        case .day: component = .day
        case .week:
            component = .day
            value *= 7
        case .month: component = .month
        case .year: component = .year
        }
        return calendar.date(byAdding: component, value: value, to: date) ?? date
    }

    /// The date this span before `date`.
    public func subtracted(from date: Date, calendar: Calendar) -> Date {
        TimeSpan(amount: -amount, unit: unit).added(to: date, calendar: calendar)
    }

    init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public var description: String { "\(amount)\(unit.rawValue)" }
}

/// A comparison in a fact test.
public enum Comparison: String, Hashable, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A test on the timing or course of one finding.
public enum Qualifier: Hashable, Sendable, CustomStringConvertible {
    /// Began between the anchor and `span` after it.
    case onsetWithin(TimeSpan, of: String)
    /// Began more than `span` after the anchor.
    case onsetAfter(TimeSpan, of: String)
    /// Began while the infusion ran.
    case onsetDuringInfusion
    /// Began within `span` before now.
    case onsetRecent(TimeSpan)
    /// Began more than `span` before now.
    case onsetOver(TimeSpan)
    /// Has an onset someone gave (false, never unknown, when nobody gave one).
    case onsetKnown
    /// Is changing this way (or, when `negated`, any other way).
    case trend(Trend, negated: Bool)

    public var description: String {
        switch self {
        case .onsetWithin(let span, let anchor): "onset within \(span) of \(anchor)"
        case .onsetAfter(let span, let anchor): "onset after \(span) of \(anchor)"
        case .onsetDuringInfusion: "onset during infusion"
        case .onsetRecent(let span): "onset within \(span)"
        case .onsetOver(let span): "onset over \(span) ago"
        case .onsetKnown: "onset known"
        case .trend(let trend, let negated): "trend \(negated ? "not " : "")\(trend.rawValue)"
        }
    }
}

/// A rule's condition, as written after `when:`.
public indirect enum Condition: Hashable, Sendable {
    /// A finding with a status test and timing qualifiers.
    case finding(String, FindingStatus, [Qualifier])
    /// A fact compared with a value (a choice id or a number).
    case fact(String, Comparison, String)
    /// A yes/no fact that is yes.
    case factIsYes(String)
    /// Time from an anchor to now, over (`true`) or under a span.
    case since(String, over: Bool, TimeSpan)
    case all([Condition])
    case any([Condition])
    case atLeast(Int, [Condition])
    case not(Condition)
    /// Always true.
    case always
    /// True when no finding is present or unknown.
    case noneReported
    /// A bare name not yet resolved against the knowledge (parser output only).
    case name(String, FindingStatus, [Qualifier])

    /// Every finding id this condition mentions.
    public var findingIDs: [String] {
        switch self {
        case .finding(let id, _, _), .name(let id, _, _): [id]
        case .all(let items), .any(let items), .atLeast(_, let items): items.flatMap(\.findingIDs)
        case .not(let inner): inner.findingIDs
        case .fact, .factIsYes, .since, .always, .noneReported: []
        }
    }

    /// Every fact id this condition mentions.
    public var factIDs: [String] {
        switch self {
        case .fact(let id, _, _), .factIsYes(let id): [id]
        case .all(let items), .any(let items), .atLeast(_, let items): items.flatMap(\.factIDs)
        case .not(let inner): inner.factIDs
        case .finding, .name, .since, .always, .noneReported: []
        }
    }

    /// Every anchor id this condition mentions, in `since` tests and qualifiers.
    public var anchorIDs: [String] {
        switch self {
        case .since(let anchor, _, _): [anchor]
        case .finding(_, _, let qualifiers), .name(_, _, let qualifiers):
            qualifiers.compactMap {
                switch $0 {
                case .onsetWithin(_, let anchor), .onsetAfter(_, let anchor): anchor
                case .onsetDuringInfusion: "infusion-start"
                default: nil
                }
            }
        case .all(let items), .any(let items), .atLeast(_, let items): items.flatMap(\.anchorIDs)
        case .not(let inner): inner.anchorIDs
        case .fact, .factIsYes, .always, .noneReported: []
        }
    }

    /// The fewest findings that must be present (or not sure) for this condition to hold:
    /// two or more make it a combination of signs. Parts of an `all` that name a finding in
    /// common (the same sign tested twice) count as one part, at the most any of them needs.
    public var fewestFindings: Int {
        switch self {
        case .finding, .name: return 1
        case .all(let items):
            var groups: [(ids: Set<String>, fewest: Int)] = []
            for item in items {
                var merged = (ids: Set(item.findingIDs), fewest: item.fewestFindings)
                groups.removeAll { group in
                    guard !group.ids.isDisjoint(with: merged.ids) else { return false }
                    merged = (merged.ids.union(group.ids), max(merged.fewest, group.fewest))
                    return true
                }
                groups.append(merged)
            }
            return groups.reduce(0) { $0 + $1.fewest }
        case .any(let items): return items.map(\.fewestFindings).min() ?? 0
        case .atLeast(let count, let items): return items.map(\.fewestFindings).sorted().prefix(count).reduce(0, +)
        case .not, .fact, .factIsYes, .since, .always, .noneReported: return 0
        }
    }

    /// True when some finding's onset or trend matters to this condition.
    public var usesOnset: Bool {
        switch self {
        case .finding(_, _, let qualifiers), .name(_, _, let qualifiers):
            qualifiers.contains { if case .trend = $0 { false } else { true } }
        case .all(let items), .any(let items), .atLeast(_, let items): items.contains(where: \.usesOnset)
        case .not(let inner): inner.usesOnset
        default: false
        }
    }

    /// True when some finding's trend matters to this condition.
    public var usesTrend: Bool {
        switch self {
        case .finding(_, _, let qualifiers), .name(_, _, let qualifiers):
            qualifiers.contains { if case .trend = $0 { true } else { false } }
        case .all(let items), .any(let items), .atLeast(_, let items): items.contains(where: \.usesTrend)
        case .not(let inner): inner.usesTrend
        default: false
        }
    }
}
