import AECheckLanguage
import Foundation

/// Reads the example evidence of rules (`example:` and `near-miss:` lines).
///
///     infusion-start -3h; sparkles -2h worse; colour blue; no fizz; glow?
///
/// Offsets count back from `now`; see Knowledge/README.md.
enum EvidenceExample {
    /// The fixed clock examples are read against.
    static let now = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01T12:00:00Z

    /// UTC, the zone examples are read in.
    static let utc = TimeZone(identifier: "UTC")!
    /// The Gregorian calendar in UTC (made once: the loader reads every example at start-up).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()

    static func parse(_ text: String, knowledge: KnowledgeBase) -> Result<Evidence, ExampleError> {
        var evidence = Evidence(now: now, timeZone: utc)
        let calendar = Self.calendar
        for item in text.splitting(on: ";").map({ $0.trimmingWhitespace() })
        where !item.isEmpty {
            var words = item.splitting(on: " ")
            if words.first == "no", words.count == 2 {
                guard knowledge.findings[words[1]] != nil else {
                    return .failure(.unknown(words[1], knowledge))
                }
                evidence.findings[words[1]] = FindingEvidence(id: words[1], status: .absent)
                continue
            }
            var name = words.removeFirst()
            if knowledge.findings[name] != nil
                || (name.hasSuffix("?") && knowledge.findings[String(name.dropLast())] != nil)
            {
                let unsure = name.hasSuffix("?")
                if unsure { name.removeLast() }
                var finding = FindingEvidence(id: name, status: unsure ? .unknown : .present)
                for word in words {
                    if let trend = Trend(rawValue: word) {
                        finding.trend = trend
                    } else if let band = band(word, calendar: calendar) {
                        finding.onset = band
                    } else {
                        return .failure(.badWord(word, item))
                    }
                }
                evidence.findings[name] = finding
            } else if RecordSchema.anchors.contains(name) {
                guard words.count == 1 else { return .failure(.badWord(item, item)) }
                if words[0] == "?" {
                    evidence.anchors[name] = .unsure
                } else if let band = band(words[0], calendar: calendar) {
                    evidence.anchors[name] = .known(band)
                } else {
                    return .failure(.badWord(words[0], item))
                }
            } else if let fact = knowledge.facts[name] {
                guard words.count == 1 else { return .failure(.badWord(item, item)) }
                guard let value = FactValue(words[0], type: fact.type) else {
                    return .failure(.badWord(words[0], item))
                }
                evidence.facts[name] = value
            } else {
                return .failure(.unknown(name, knowledge))
            }
        }
        return .success(evidence)
    }

    /// `-2h` or `-3h..-1h`, counted back from now.
    private static func band(_ word: String, calendar: Calendar) -> TimeBand? {
        let parts = word.contains(".") ? word.components(separatedBy: "..") : [word]
        let dates = parts.compactMap { part -> Date? in
            guard part.hasPrefix("-") || part.hasPrefix("+"), let span = TimeSpan(part.dropFirst()) else {
                return nil
            }
            return part.hasPrefix("-")
                ? span.subtracted(from: now, calendar: calendar) : span.added(to: now, calendar: calendar)
        }
        guard dates.count == parts.count, !dates.isEmpty, parts.count <= 2 else { return nil }
        return TimeBand(earliest: dates[0], latest: dates.last!)
    }

    enum ExampleError: Error {
        case badWord(String, String)
        case unknown(String, KnowledgeBase)

        var message: String {
            switch self {
            case .badWord(let word, let item): "cannot read '\(word)' in '\(item)'"
            case .unknown(let name, let knowledge):
                "'\(name)' is no finding, fact or anchor"
                    + (Suggestion.closest(
                        to: name,
                        in: Array(knowledge.findings.keys) + knowledge.facts.keys + RecordSchema.anchors
                    )
                    .map { "; did you mean '\($0)'?" } ?? "")
            }
        }
    }
}

extension FactValue {
    /// Reads a fact value written as text, checked against the fact's type.
    init?(_ text: String, type: FactType) {
        let lowered = text.lowercased()
        if ["unsure", "not-sure", "unknown", "?"].contains(lowered) {
            self = .unsure
            return
        }
        switch type {
        case .yesNo:
            guard let flag = ["yes": true, "true": true, "no": false, "false": false][lowered] else {
                return nil
            }
            self = .bool(flag)
        case .number(let low, let high, _):
            guard let number = Double(lowered), number.isFinite, number >= (low ?? -.infinity),
                number <= (high ?? .infinity)
            else { return nil }
            self = .number(number)
        case .choice(let values):
            guard values.contains(where: { $0.id == lowered }) else { return nil }
            self = .choice(lowered)
        }
    }
}
