import AECheckLanguage
import Foundation

/// Reads an evidence document (JSON) for `aecheck assess` into `Evidence`, strictly.
///
/// Every field is optional except `now`. An unknown field, a bad time or an unknown finding
/// id is an error naming the field: nothing is half-assessed.
///
///     {"now": "2026-11-21T14:00:00Z", "text": "what the person typed, in their own words",
///      "context": {"infusionStart": "2026-11-21T13:00:00Z"}}
public enum EvidenceDocument {
    /// A malformed document, with the field at fault.
    public struct Failure: Error, Equatable {
        public var field: String
        public var message: String
        public var description: String { "\(field): \(message)" }
    }

    /// A context field's name: the knowledge id in camel case (`last-infusion` is
    /// `lastInfusion`), so every fact and timing anchor the knowledge names can be given.
    static func fieldName(_ id: String) -> String {
        let words = id.split(separator: "-")
        return (words.first.map(String.init) ?? "")
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// Context fields and the timing anchors they fill (the symptoms' own onset is not one).
    static let anchorFields = RecordSchema.anchors.filter { $0 != "onset" }.map { (field: fieldName($0), id: $0) }

    /// Context fields and the facts they fill, in id order.
    static func factFields(_ knowledge: KnowledgeBase) -> [(field: String, id: String)] {
        knowledge.facts.keys.sorted().map { (field: fieldName($0), id: $0) }
    }

    /// Parses the document against the knowledge.
    public static func parse(_ data: Data, interview: Interview) -> Result<Evidence, Failure> {
        do {
            return .success(try read(data, interview: interview))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(field: "(document)", message: "\(error)"))
        }
    }

    private static func read(_ data: Data, interview: Interview) throws -> Evidence {
        let knowledge = interview.knowledge
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any]
        else {
            throw Failure(field: "(document)", message: "not a JSON object")
        }
        try checkFields(root, allowed: ["now", "timeZone", "context", "text", "findings"], path: "")
        var timeZone = TimeZone(identifier: "UTC")!
        if let zone = root["timeZone"] {
            guard let name = zone as? String, let parsed = TimeZone(identifier: name) else {
                throw Failure(field: "timeZone", message: "not a time zone name such as Europe/London")
            }
            timeZone = parsed
        }
        guard let nowText = root["now"] as? String else {
            throw Failure(
                field: "now", message: root["now"] == nil ? "required" : "must be an ISO 8601 string")
        }
        guard let now = ISODate.parse(nowText, timeZone: timeZone) else {
            throw Failure(field: "now", message: "'\(nowText)' is not an ISO 8601 time")
        }
        var evidence = Evidence(now: now, timeZone: timeZone)
        if let context = root["context"] {
            guard let context = context as? [String: Any] else {
                throw Failure(field: "context", message: "must be an object")
            }
            let factFields = Self.factFields(knowledge)
            try checkFields(
                context, allowed: Set(anchorFields.map(\.field)).union(factFields.map(\.field)), path: "context.")
            for (field, anchor) in anchorFields {
                guard let value = context[field] else { continue }
                evidence.anchors[anchor] =
                    try time(value, field: "context.\(field)", evidence: evidence, interview: interview)
                    .map(AnchorValue.known) ?? .unsure
            }
            for (field, factID) in factFields {
                guard let value = context[field], let fact = knowledge.facts[factID] else { continue }
                let text: String =
                    switch value {
                    case let flag as Bool: flag ? "yes" : "no"
                    case let number as NSNumber: "\(number)"
                    case let string as String: string
                    default: ""
                    }
                guard let parsed = FactValue(text, type: fact.type) else {
                    throw Failure(field: "context.\(field)", message: "'\(text)' is not valid here")
                }
                evidence.facts[factID] = parsed
            }
        }
        if let text = root["text"] {
            guard let text = text as? String else {
                throw Failure(field: "text", message: "must be a string")
            }
            for (match, onset) in interview.understand(
                text, now: now, timeZone: timeZone, anchors: evidence.anchors)
            where !match.aboutSomeoneElse {
                evidence.set(
                    FindingEvidence(
                        id: match.findingID,
                        status: FindingStatus(rawValue: match.status.rawValue) ?? .unknown,
                        onset: onset, origin: .text(match.matchedText)))
            }
        }
        if let findings = root["findings"] {
            guard let list = findings as? [Any] else {
                throw Failure(field: "findings", message: "must be a list")
            }
            for (index, item) in list.enumerated() {
                let path = "findings[\(index)]"
                guard let entry = item as? [String: Any] else {
                    throw Failure(field: path, message: "must be an object")
                }
                try checkFields(entry, allowed: ["id", "status", "onset", "trend"], path: path + ".")
                guard let id = entry["id"] as? String else {
                    throw Failure(field: path + ".id", message: "required")
                }
                guard knowledge.findings[id] != nil else {
                    let hint =
                        Suggestion.closest(to: id, in: knowledge.findings.keys).map {
                            "; did you mean '\($0)'?"
                        } ?? ""
                    throw Failure(field: path + ".id", message: "unknown finding '\(id)'" + hint)
                }
                let statusText = entry["status"] as? String ?? "present"
                guard let status = FindingStatus(rawValue: statusText) else {
                    throw Failure(field: path + ".status", message: "must be present, absent or unknown")
                }
                var finding = FindingEvidence(id: id, status: status, origin: .document)
                if let onset = entry["onset"] {
                    finding.onset = try time(
                        onset, field: path + ".onset", evidence: evidence, interview: interview)
                }
                if let trend = entry["trend"] {
                    guard let text = trend as? String, let parsed = Trend(rawValue: text) else {
                        throw Failure(field: path + ".trend", message: "must be better, same or worse")
                    }
                    finding.trend = parsed
                }
                evidence.set(finding, overriding: true)
            }
        }
        return evidence
    }

    private static func checkFields(_ object: [String: Any], allowed: Set<String>, path: String) throws {
        for key in object.keys.sorted() where !allowed.contains(key) {
            let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            throw Failure(field: path + key, message: "unknown field" + hint)
        }
    }

    /// An ISO 8601 time or a human time ("2 hours ago"), read by the same time reader as the
    /// interview's answers; "unknown", "not sure", "don't know" give nil.
    private static func time(_ value: Any, field: String, evidence: Evidence, interview: Interview) throws
        -> TimeBand?
    {
        guard let text = value as? String else { throw Failure(field: field, message: "must be a string") }
        if TimeParser.meansUnknown(text) { return nil }
        let context = interview.timeContext(
            now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors)
        switch TimeParser.parse(text, in: context) {
        case .success(let parsed): return parsed.band
        case .failure(let refusal): throw Failure(field: field, message: refusal.message)
        }
    }
}
