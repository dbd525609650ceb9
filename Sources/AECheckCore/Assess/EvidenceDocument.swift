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
    /// The largest document read, in bytes (1 MiB): a larger one is refused before it is parsed.
    public static let sizeLimit = 1 << 20

    /// A malformed document, with the field at fault and where it stands.
    public struct Failure: Error, Equatable {
        public var field: String
        public var message: String
        /// The 1-based line and column of the value at fault (nil for the document as a whole).
        public var line: Int?
        public var column: Int?
        /// `field: message`, with every control or direction character in it shown as a
        /// visible escape (the field names and values come from the document).
        public var description: String { "\(field): \(message)".visibleControls }

        /// `FILE:LINE:COLUMN: field: message` (without the position when there is none), like
        /// a compiler's diagnostic.
        public func located(in file: String) -> String {
            let position = line.map { ":\($0):\(column ?? 1)" } ?? ""
            return file + position + ": " + description
        }

        init(field: String, message: String, line: Int? = nil, column: Int? = nil) {
            self.field = field
            self.message = message
            self.line = line
            self.column = column
        }
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
        let bytes = [UInt8](data)
        guard bytes.count <= sizeLimit else {
            return .failure(
                Failure(field: "(document)", message: "larger than \(sizeLimit) bytes; nothing was read"))
        }
        do {
            let root = try StrictJSON.parse(bytes)
            return .success(try Reader(bytes: bytes, interview: interview).read(root))
        } catch let failure as StrictJSON.Failure {
            return .failure(
                Failure(field: failure.path, message: failure.message, line: failure.line, column: failure.column))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(field: "(document)", message: "\(error)"))
        }
    }

    /// Reads a parsed document, locating every failure at the value at fault.
    private struct Reader {
        let bytes: [UInt8]
        let interview: Interview

        func failure(_ field: String, _ message: String, at value: StrictJSON.Value?) -> Failure {
            guard let value else { return Failure(field: field, message: message) }
            let (line, column) = StrictJSON.position(of: value.offset, in: bytes)
            return Failure(field: field, message: message, line: line, column: column)
        }

        /// The string a field holds; any other type (null included) is refused.
        func string(_ value: StrictJSON.Value, field: String) throws -> String {
            guard case .string(let text) = value.kind else {
                throw failure(field, "must be a string, not \(value.typeName)", at: value)
            }
            return text
        }

        /// The members of an object; any other type is refused, and so is a member not in `allowed`.
        func object(_ value: StrictJSON.Value, field: String, allowed: Set<String>) throws
            -> [(key: String, value: StrictJSON.Value)]
        {
            guard case .object(let members) = value.kind else {
                throw failure(field, "must be an object, not \(value.typeName)", at: value)
            }
            let prefix = field.isEmpty ? "" : field + "."
            for (key, member) in members where !allowed.contains(key) {
                let hint = Suggestion.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                throw failure(prefix + key, "unknown field" + hint, at: member)
            }
            return members
        }

        func read(_ root: StrictJSON.Value) throws -> Evidence {
            let knowledge = interview.knowledge
            _ = try object(root, field: "", allowed: ["now", "timeZone", "context", "text", "findings"])
            var timeZone = TimeZone(identifier: "UTC")!
            if let zone = root["timeZone"] {
                guard let parsed = TimeZone(identifier: try string(zone, field: "timeZone")) else {
                    throw failure("timeZone", "not a time zone name such as Europe/London", at: zone)
                }
                timeZone = parsed
            }
            guard let nowValue = root["now"] else { throw Failure(field: "now", message: "required") }
            let nowText = try string(nowValue, field: "now")
            guard let now = ISODate.parse(nowText, timeZone: timeZone) else {
                throw failure("now", "'\(nowText)' is not a real ISO 8601 time", at: nowValue)
            }
            var evidence = Evidence(now: now, timeZone: timeZone)
            if let context = root["context"] {
                let factFields = EvidenceDocument.factFields(knowledge)
                _ = try object(
                    context, field: "context",
                    allowed: Set(anchorFields.map(\.field)).union(factFields.map(\.field)))
                for (field, anchor) in anchorFields {
                    guard let value = context[field] else { continue }
                    let band = try time(value, field: "context.\(field)", evidence: evidence)
                    evidence.anchors[anchor] = band.map(AnchorValue.known) ?? .unsure
                    evidence.timeReadings.append(
                        TimeReading(field: "context.\(field)", text: try string(value, field: field), band: band))
                }
                for (field, factID) in factFields {
                    guard let value = context[field], let fact = knowledge.facts[factID] else { continue }
                    evidence.facts[factID] = try factValue(value, type: fact.type, field: "context.\(field)")
                }
            }
            if let textValue = root["text"] {
                let text = try string(textValue, field: "text")
                let understood = interview.understand(
                    text, now: now, timeZone: timeZone, anchors: evidence.anchors, reporter: evidence.reporter,
                    ongoing: evidence.infusionOngoing)
                evidence.add(understood: understood)
                // The time phrase each sign of the text was given, as read.
                for (match, onset) in understood where match.timeRange != nil && !match.aboutSomeoneElse {
                    guard let range = match.timeRange else { continue }
                    let words = String(text[range])
                    guard !evidence.timeReadings.contains(where: { $0.field == "text" && $0.text == words }) else {
                        continue
                    }
                    evidence.timeReadings.append(TimeReading(field: "text", text: words, band: onset))
                }
                evidence.someoneElseEmergency = understood.contains { interview.isSomeoneElsesEmergency($0.match) }
                // Words no match explains are never "nothing wrong": the care team must hear them.
                evidence.notUnderstood = interview.notUnderstood(
                    text, now: now, timeZone: timeZone, reporter: evidence.reporter)
                if !evidence.notUnderstood.isEmpty { evidence.facts["words-not-understood"] = .bool(true) }
            }
            if let findings = root["findings"] {
                guard case .array(let list) = findings.kind else {
                    throw failure("findings", "must be a list, not \(findings.typeName)", at: findings)
                }
                var listed: [String: Int] = [:]
                for (index, entry) in list.enumerated() {
                    let path = "findings[\(index)]"
                    _ = try object(entry, field: path, allowed: ["id", "status", "onset", "trend"])
                    guard let idValue = entry["id"] else { throw failure(path + ".id", "required", at: entry) }
                    let id = try string(idValue, field: path + ".id")
                    guard knowledge.findings[id] != nil else {
                        let hint =
                            Suggestion.closest(to: id, in: knowledge.findings.keys).map {
                                "; did you mean '\($0)'?"
                            } ?? ""
                        throw failure(path + ".id", "unknown finding '\(id)'" + hint, at: idValue)
                    }
                    if let first = listed[id] {
                        throw failure(path + ".id", "'\(id)' is already listed at findings[\(first)]", at: idValue)
                    }
                    listed[id] = index
                    var status = FindingStatus.present
                    if let statusValue = entry["status"] {
                        guard case .string(let text) = statusValue.kind, let parsed = FindingStatus(rawValue: text)
                        else {
                            throw failure(
                                path + ".status", "must be \"present\", \"absent\" or \"unknown\"", at: statusValue)
                        }
                        status = parsed
                    }
                    var finding = FindingEvidence(id: id, status: status, origin: .document)
                    if let onset = entry["onset"] {
                        finding.onset = try time(onset, field: path + ".onset", evidence: evidence)
                        evidence.timeReadings.append(
                            TimeReading(
                                field: path + ".onset", text: try string(onset, field: path + ".onset"),
                                band: finding.onset))
                    }
                    if let trendValue = entry["trend"] {
                        guard case .string(let text) = trendValue.kind, let parsed = Trend(rawValue: text) else {
                            throw failure(path + ".trend", "must be \"better\", \"same\" or \"worse\"", at: trendValue)
                        }
                        finding.trend = parsed
                    }
                    evidence.set(finding, overriding: true)
                }
            }
            evidence.applyFindingEffects(knowledge)
            return evidence
        }

        /// A context fact: `true`/`false` for a yes/no fact, a JSON number for a number fact,
        /// a string for a choice; `"unknown"` for any. A value of another type is refused.
        func factValue(_ value: StrictJSON.Value, type: FactType, field: String) throws -> FactValue {
            if case .string(let text) = value.kind, ["unknown", "unsure"].contains(text) { return .unsure }
            let expected: String
            switch (type, value.kind) {
            case (.yesNo, .bool(let flag)): return .bool(flag)
            case (.yesNo, _): expected = "true or false"
            case (.number, .number(let number)):
                guard let parsed = FactValue(AnswerReader.show(number), type: type) else {
                    throw failure(field, "\(AnswerReader.show(number)) is out of range", at: value)
                }
                return parsed
            case (.number, .string(let text)) where Double(text.trimmingWhitespace()) != nil:
                // A number written as a string ("2"), as spreadsheets and forms send them.
                guard let parsed = FactValue(text.trimmingWhitespace(), type: type) else {
                    throw failure(field, "\(text) is out of range", at: value)
                }
                return parsed
            case (.number, _): expected = "a number"
            case (.choice(let values), .string(let text)):
                guard let parsed = FactValue(text, type: type) else {
                    throw failure(
                        field, "'\(text)' is not one of " + values.map { "'\($0.id)'" }.joined(separator: ", "),
                        at: value)
                }
                return parsed
            case (.choice, _): expected = "a string"
            }
            throw failure(field, "must be \(expected) (or \"unknown\"), not \(value.typeName)", at: value)
        }

        /// An ISO 8601 time or a human time ("2 hours ago"), read by the same time reader as
        /// the interview's answers; "unknown", "not sure", "don't know" give nil. A full ISO
        /// date and time is one instant; a date alone is that whole day, as in the interview.
        func time(_ value: StrictJSON.Value, field: String, evidence: Evidence) throws -> TimeBand? {
            let text = try string(value, field: field)
            if TimeParser.meansUnknown(text) { return nil }
            if text.contains("T"), let date = ISODate.parse(text, timeZone: evidence.timeZone) {
                guard date <= evidence.now else { throw failure(field, "'\(text)' is after 'now'", at: value) }
                return TimeBand(instant: date)
            }
            if Self.looksISO(text), text.contains("T") {
                throw failure(field, "'\(text)' is not a real ISO 8601 time", at: value)
            }
            let context = interview.timeContext(
                now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors,
                ongoing: evidence.infusionOngoing)
            switch TimeParser.parse(text, in: context) {
            case .success(let parsed): return parsed.band
            case .failure(let refusal): throw failure(field, refusal.message, at: value)
            }
        }

        /// Text that starts like an ISO 8601 date (`2026-02-30...`): when it is not a real one,
        /// it is refused rather than read as words.
        static func looksISO(_ text: String) -> Bool {
            let bytes = Array(text.utf8.prefix(5))
            return bytes.count == 5 && bytes[..<4].allSatisfy { (0x30...0x39).contains($0) } && bytes[4] == 0x2D
        }
    }
}
