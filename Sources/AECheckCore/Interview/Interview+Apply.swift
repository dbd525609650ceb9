import AECheckLanguage
import Foundation

extension Interview.Walk {
    /// Puts a logged answer (already in normal form) into the evidence.
    mutating func apply(_ answer: String, to question: Question, key: String) {
        let origin = EvidenceOrigin.answer(key)
        switch question.type {
        case .findings:
            let chosen = Set(answer.split(separator: ",").map(String.init))
            // Signs answered before this list were not offered in it: they stay as they were.
            for finding in question.findings where !answered(finding, key: key) {
                let status: FindingStatus =
                    answer == "unsure" ? .unknown : chosen.contains(finding) ? .present : .absent
                if keepsPresent(finding, against: status, origin: origin) { continue }
                var found = FindingEvidence(id: finding, status: status, origin: origin)
                if status == .present, let old = evidence.findings[finding], old.status == .present {
                    // Ticked again in a later list: the onset and course already given still hold.
                    found.onset = old.onset
                    found.trend = old.trend
                }
                if status == .present, found.onset == nil, let span = question.onsetWithin {
                    found.onset = TimeBand(
                        earliest: calendar.date(subtracting: span, from: now), latest: now)
                }
                evidence.set(found, overriding: true)
            }
        case .yesno:
            if let finding = question.findings.first {
                guard !keepsPresent(finding, against: Self.status(answer), origin: origin) else { return }
                evidence.set(
                    FindingEvidence(id: finding, status: Self.status(answer), origin: origin), overriding: true)
            } else if let fact = question.fact {
                evidence.facts[fact] = answer == "unsure" ? .unsure : .bool(answer == "yes")
            }
        case .choice:
            if let (fact, value) = question.sets[answer], let type = knowledge.facts[fact]?.type {
                evidence.facts[fact] = FactValue(value, type: type)
            }
            if let fact = question.fact {
                evidence.facts[fact] = answer == "unsure" ? .unsure : .choice(answer)
            }
        case .number:
            if let fact = question.fact {
                evidence.facts[fact] = Double(answer).map(FactValue.number) ?? .unsure
            }
        case .time:
            applyTime(answer, to: question)
        case .trend:
            let trend = Trend(rawValue: answer)
            for id in reported(where: { $0.trend == nil }) { evidence.findings[id]?.trend = trend }
        case .text, .boundary:
            // A boundary answer narrows one sign's onset where it is asked (Interview+Boundary).
            break
        }
    }

    /// The findings present that pass `test` (each is then changed on its own, so their order
    /// does not matter). A sign answered "not sure" has no onset or course to ask about: "when
    /// did it start?" means nothing to someone who does not know whether they have it.
    private func reported(where test: (FindingEvidence) -> Bool) -> [String] {
        evidence.findings.compactMap { id, finding in finding.status == .present && test(finding) ? id : nil }
    }

    /// A finding already present, from the person's own words or another question, is not
    /// undone by a later question left unticked or answered "no" or "not sure": the more urgent
    /// reading stands (changing the first answer is what `back` is for).
    private func keepsPresent(_ finding: String, against status: FindingStatus, origin: EvidenceOrigin) -> Bool {
        guard status != .present, let old = evidence.findings[finding], old.status == .present else { return false }
        return old.origin != origin
    }

    private mutating func applyTime(_ answer: String, to question: Question) {
        if let (fact, value) = question.sets[answer], let type = knowledge.facts[fact]?.type {
            evidence.facts[fact] = FactValue(value, type: type)
        }
        // A bare clock time is logged with its other reading after "|"; the first one counts here.
        let band = interview.cache.band(isoRange: String(answer.prefix { $0 != "|" }))
        guard let anchor = question.anchor else { return }
        if anchor == "onset" {
            guard let band else { return }
            for id in reported(where: { $0.onset == nil }) { evidence.findings[id]?.onset = band }
        } else if let band {
            evidence.anchors[anchor] = .known(band)
        } else if question.sets[answer] == nil && !question.options.contains(where: { $0.id == answer }) {
            // "I don't know"; an option such as "it is still going" tells no date at all.
            evidence.anchors[anchor] = .unsure
        }
    }
}

extension TimeBand {
    /// Reads the logged form `EARLIEST..LATEST` (ISO 8601, UTC).
    init?(isoRange text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let earliest = Self.date(parts[0]), let latest = Self.date(parts[1]) else { return nil }
        self.init(earliest: earliest, latest: latest)
    }

    /// One end of the logged form: the tool's own UTC form directly, anything else by the formatter.
    private static func date(_ text: String) -> Date? {
        UTCInstant.parse(text) ?? iso.date(from: text)
    }

    /// The logged form `EARLIEST..LATEST`.
    public var isoRange: String { "\(Self.iso.string(from: earliest))..\(Self.iso.string(from: latest))" }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
}
