import AECheckLanguage
import Foundation

/// A saved session, shaped like a FHIR QuestionnaireResponse, so that it survives a crash
/// and can be resumed.
///
/// Each answer is an `item`: `linkId` is the answer's key in the interview log and
/// `answer[0].valueString` its normal form (what resuming replays). An answer of "not
/// sure" or "I don't know" also carries the data-absent-reason `asked-unknown`; the question
/// that was showing when the session stopped carries `asked-declined` and no answer.
public struct SessionRecord: Codable, Equatable, Sendable {
    public var resourceType = "QuestionnaireResponse"
    /// `aecheck/FLOW`, e.g. `aecheck/intake`.
    public var questionnaire: String
    /// `in-progress`, `completed` or `stopped`.
    public var status: String
    /// When the record was last written (ISO 8601).
    public var authored: String
    public var meta: Meta
    public var item: [Item]
    public var outcome: RecordedOutcome?

    public struct Meta: Codable, Equatable, Sendable {
        public var knowledgeHash: String
        public var program: String
        public var mode: String
        public var timeZone: String
    }

    public struct Item: Codable, Equatable, Sendable {
        public var linkId: String
        public var text: String?
        public var answer: [Answer]?
        public var `extension`: [Extension]?
    }

    public struct Answer: Codable, Equatable, Sendable {
        public var valueString: String
    }

    public struct Extension: Codable, Equatable, Sendable {
        public var url: String
        public var valueCode: String
    }

    public struct RecordedOutcome: Codable, Equatable, Sendable {
        public var level: String
        public var decision: String?
        public var actions: [String]
        public var reasons: [RecordedReason]
        public var holdReasons: [RecordedReason]?
        public var assumptions: [String]
    }

    public struct RecordedReason: Codable, Equatable, Sendable {
        public var rule: String
        public var level: String
        public var text: String
        public var sources: [String]
    }

    static let absentReasonURL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
    static let unknownAnswers: Set<String> = ["unsure", "unknown"]

    /// The answer log this record holds, in order (declined items are not answers).
    public var log: [LoggedAnswer] {
        item.compactMap { entry in entry.answer?.first.map { LoggedAnswer(key: entry.linkId, answer: $0.valueString) } }
    }

    /// The flow id named by `questionnaire`.
    public var flowID: String {
        questionnaire.hasPrefix("aecheck/") ? String(questionnaire.dropFirst("aecheck/".count)) : questionnaire
    }
}

extension SessionRecord {
    /// Builds the record of a session as it stands.
    public init(session: Session, flowID: String, status: String) {
        let knowledge = session.interview.knowledge
        let audience = session.renderer.audience
        let now = session.clock()
        let iso = ISO8601DateFormatter()
        iso.timeZone = session.timeZone
        iso.formatOptions = [.withInternetDateTime]
        func text(for key: String) -> String? {
            let question = String(key.split(separator: "/").first ?? "")
            return knowledge.questions[question]?.ask.text(for: audience)
        }
        var items = session.log.map { entry in
            Item(
                linkId: entry.key, text: text(for: entry.key), answer: [Answer(valueString: entry.answer)],
                extension: Self.unknownAnswers.contains(entry.answer)
                    ? [Extension(url: Self.absentReasonURL, valueCode: "asked-unknown")] : nil)
        }
        var recorded: RecordedOutcome?
        switch session.step() {
        case .question(let prompt):
            if status != "in-progress" {
                items.append(
                    Item(
                        linkId: prompt.key, text: prompt.text.text(for: audience), answer: nil,
                        extension: [Extension(url: Self.absentReasonURL, valueCode: "asked-declined")]))
                recorded = RecordedOutcome(session.safestOutcome(), audience: audience)
            }
        case .outcome(let outcome):
            recorded = RecordedOutcome(outcome, audience: audience)
        }
        self.init(
            questionnaire: "aecheck/" + flowID, status: status, authored: iso.string(from: now),
            meta: Meta(
                knowledgeHash: knowledge.hash, program: CommandLineInterface.version, mode: audience.rawValue,
                timeZone: session.timeZone.identifier),
            item: items, outcome: recorded)
    }

    /// Reads a record, refusing anything that is not one of ours.
    public static func decode(_ data: Data) -> Result<SessionRecord, RecordError> {
        do {
            // Strict first: a repeated key would otherwise keep its last value without a word.
            do {
                _ = try StrictJSON.parse([UInt8](data))
            } catch {
                let place = "\(error.path) at \(error.line):\(error.column)"
                return .failure(RecordError("it is damaged or not JSON (\(place): \(error.message))"))
            }
            let record = try JSONDecoder().decode(SessionRecord.self, from: data)
            guard record.resourceType == "QuestionnaireResponse", record.questionnaire.hasPrefix("aecheck/") else {
                return .failure(RecordError("it is not an aecheck session record"))
            }
            guard ["in-progress", "completed", "stopped"].contains(record.status) else {
                return .failure(RecordError("its status '\(record.status)' is not in-progress, completed or stopped"))
            }
            guard Audience(rawValue: record.meta.mode) != nil else {
                return .failure(RecordError("it is damaged (its mode '\(record.meta.mode)' is not patient or nurse)"))
            }
            guard TimeZone(identifier: record.meta.timeZone) != nil else {
                return .failure(RecordError("it is damaged (its time zone '\(record.meta.timeZone)' is unknown)"))
            }
            return .success(record)
        } catch {
            return .failure(RecordError("it is damaged or not JSON (\(Self.describe(error)))"))
        }
    }

    /// The record as pretty-printed JSON with sorted keys (stable, diff-friendly).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "bad field '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "unreadable"
        }
    }
}

extension SessionRecord.RecordedOutcome {
    init(_ outcome: Outcome, audience: Audience) {
        func recorded(_ reason: Reason) -> SessionRecord.RecordedReason {
            SessionRecord.RecordedReason(
                rule: reason.ruleID, level: reason.level, text: reason.text.text(for: audience),
                sources: reason.citations.map(\.description))
        }
        self.init(
            level: outcome.level, decision: outcome.decision?.verdict, actions: outcome.actions,
            reasons: outcome.reasons.map(recorded), holdReasons: outcome.decision.map { $0.holdReasons.map(recorded) },
            assumptions: outcome.assumptions)
    }
}

/// Why a record cannot be used: one line for the person at the keyboard.
public struct RecordError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
