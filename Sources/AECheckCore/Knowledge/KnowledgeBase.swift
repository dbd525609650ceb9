import AECheckLanguage
import Foundation

/// A reference to a source document and, optionally, one of its sections.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var section: String?
    public var description: String { section.map { "\(source) \($0)" } ?? source }
}

/// Wording in two registers: plain words for patients, clinical words for nurses.
public struct Wording: Hashable, Sendable {
    public var patient: String
    public var nurse: String
    /// The patient wording for a carer ("the person you look after"), where it differs.
    public var carer: String?

    public init(patient: String, nurse: String, carer: String? = nil) {
        self.patient = patient
        self.nurse = nurse
        self.carer = carer
    }

    /// The wording for an audience (a carer gets the patient wording where none of their own).
    public func text(for audience: Audience) -> String {
        switch audience {
        case .nurse: nurse
        case .carer: carer ?? patient
        case .patient: patient
        }
    }
}

/// Who the tool is talking to: the patient, a carer answering about the patient, or a nurse.
public enum Audience: String, Hashable, Sendable {
    case patient, nurse, carer
}

/// A document the facts come from.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var file: String?
    /// Section ids with their headings, in file order.
    public var sections: [(id: String, heading: String)]

    public static func == (lhs: Source, rhs: Source) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A sign or symptom.
public struct Finding: Hashable, Sendable {
    public var id: String
    public var name: Wording
    public var groups: [String]
    public var figures: [String]
    public var citations: [Citation]
    /// A fact this finding, read in free text, tells (`sets: FACT=VALUE`), when not given otherwise.
    public var setsFact: String?
    public var setsValue: String?
    /// An anchor its onset, read in free text, gives (`anchor: stopped-treatment`), when not given otherwise.
    public var anchor: String?
}

/// A context fact's type.
public enum FactType: Hashable, Sendable {
    case choice([(id: String, label: String)])
    case yesNo
    case number(min: Double?, max: Double?, unit: String?)

    public static func == (lhs: FactType, rhs: FactType) -> Bool {
        switch (lhs, rhs) {
        case (.choice(let a), .choice(let b)): a.map(\.id) == b.map(\.id)
        case (.yesNo, .yesNo): true
        case (.number(let a, let b, let c), .number(let d, let e, let f)): a == d && b == e && c == f
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(String(describing: self)) }
}

/// A fact about the person or the treatment.
public struct Fact: Hashable, Sendable {
    public var id: String
    public var name: Wording
    public var type: FactType
}

/// One answer a question offers.
public struct Option: Hashable, Sendable {
    public var id: String
    public var label: Wording
    /// Other words a person may type for this option (compared whole, not as a prefix).
    public var alsoTyped: [String] = []
}

/// What kind of answer a question takes.
public enum QuestionType: String, Hashable, Sendable {
    case findings, yesno, choice, number, time, trend, text, boundary
}

/// The time limit a `boundary` question asks about (its `edge:` field): a span before now
/// (`ago`), a span after an anchor (`after infusion-start`), or the anchor itself
/// (`at infusion-end`).
public enum BoundaryEdge: Hashable, Sendable {
    case ago
    case after(String)
    case at(String)

    /// Reads `ago`, `after ANCHOR` or `at ANCHOR`.
    init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch (parts.first, parts.count) {
        case ("ago", 1): self = .ago
        case ("after", 2): self = .after(parts[1])
        case ("at", 2): self = .at(parts[1])
        default: return nil
        }
    }

    /// The anchor it names, if any.
    var anchor: String? {
        switch self {
        case .ago: nil
        case .after(let anchor), .at(let anchor): anchor
        }
    }
}

/// One thing the interview asks.
public struct Question: Hashable, Sendable {
    public var id: String
    public var type: QuestionType
    public var ask: Wording
    public var findings: [String]
    public var fact: String?
    public var anchor: String?
    public var options: [Option]
    /// Facts set by an option: option id -> (fact, value).
    public var sets: [String: (fact: String, value: String)]
    /// For `findings` questions: ask each one by one after "not sure".
    public var unsureOneByOne: Bool
    /// For `findings` questions that ask about "now or today": a sign chosen here began
    /// within this span before the answer (unless its onset is already known).
    public var onsetWithin: TimeSpan? = nil
    /// For `boundary` questions: the time limit it asks about.
    public var edge: BoundaryEdge? = nil
    public var followup: Bool
    /// `when:` a follow-up is picked only when this condition is not surely false.
    public var when: Condition? = nil
    /// `carer-option:` an option's label as a carer reads it, by option or finding id.
    public var carerOptions: [String: String] = [:]
    public var help: String?
    public var location: SourceLocation
    /// For the onset question: the wording when it is about one sign only, with `{finding}`
    /// for the sign's name ("You told me about {finding}. When did it start?").
    public var askOne: Wording? = nil

    public static func == (lhs: Question, rhs: Question) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A triage level: a higher rank is more urgent.
public struct Level: Hashable, Sendable {
    public var id: String
    public var rank: Int
    public var label: String
    public var wording: Wording
    /// The page key of what the level's wording already tells the person to do
    /// (`call-emergency`): advice lines with this key are not repeated under it.
    public var key: String?
    /// The patient wording for a person who has stopped the drug (`stopped:`), when it differs.
    public var stoppedWording: String?
    /// The patient wording when an action tagged `centre` is set: the person may be at the
    /// infusion centre now, so "at your next infusion" would not fit.
    public var centreWording: String? = nil
}

/// Where and how to get help in one country or region (`--region`).
public struct Region: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The emergency number in words a page can use ("999").
    public var emergency: String
    /// The urgent non-emergency line, where there is one ("111").
    public var urgent: String?
    /// The crisis line ("Samaritans on 116 123").
    public var crisis: String
    public var citations: [Citation]
    /// Whether numeric dates are written month first ("11/14" in the US).
    public var monthFirst = false
}

/// A flag beside the level (`stop-infusion`, `hold-next-dose`, ...).
public struct Action: Hashable, Sendable {
    public var id: String
    public var label: String
    public var wording: Wording
    /// The page key of this action's line (`stop-drip`), so advice saying the same is not repeated.
    public var key: String?
    /// When its patient line fits, as an advice line's tags (`on-treatment`).
    public var tags: Set<String> = []
}

/// When a result applies.
public struct Rule: Hashable, Sendable {
    public var id: String
    public var level: String
    public var condition: Condition
    public var conditionText: String
    public var actions: [String]
    public var advice: [String]
    public var reason: Wording
    public var citations: [Citation]
    public var decision: String?
    public var location: SourceLocation
}

/// What to do, in both registers.
public struct Advice: Hashable, Sendable {
    public var id: String
    public var nowLines: [AdviceLine]
    public var watchLines: [AdviceLine]
    public var selfCareLines: [AdviceLine]
    /// The patient wording of each line (every audience), for reports and checks.
    public var now: [String] { nowLines.map(\.text) }
    public var watch: [String] { watchLines.map(\.text) }
    public var selfCare: [String] { selfCareLines.map(\.text) }
    public var nurseNow: [String]
    public var nurseWatch: [String]
    public var citations: [Citation]
}

/// One patient line of advice: `now: KEY TAG... | TEXT`, or just `now: TEXT`.
///
/// Lines with the same key say the same thing: a page shows the first one. Tags say when
/// the line fits: `centre` or `home` (where the person is, when known), `self` or `carer`
/// (who is typing), `on-treatment` (left out once the person said when they stopped the
/// drug) or `stopped` (shown only then).
public struct AdviceLine: Hashable, Sendable {
    public var key: String?
    public var tags: Set<String>
    public var text: String

    /// The tags a line may carry, besides `watches-FINDING` (see `watched`).
    public static let knownTags: Set<String> = ["centre", "home", "self", "carer", "on-treatment", "stopped"]

    /// The prefix of a tag naming a sign the line warns about (`watches-throat-lip-swelling`):
    /// the line is left off a page where that sign was already reported.
    public static let watchesPrefix = "watches-"

    /// The findings named by this line's `watches-FINDING` tags.
    public var watched: [String] {
        tags.filter { $0.hasPrefix(Self.watchesPrefix) }.map { String($0.dropFirst(Self.watchesPrefix.count)) }.sorted()
    }

    /// Reads `KEY TAG... | TEXT`; a value without a key part is all text.
    public init(parsing value: String) {
        // The one " | " is found on bytes: Foundation's string search costs the start-up path
        // more than all the rest of the advice (every advice line of the knowledge is read).
        let bytes = Array(value.utf8)
        var separators: [Int] = []
        if bytes.count >= 3 {
            for index in 0..<(bytes.count - 2)
            where bytes[index] == 0x20 && bytes[index + 1] == UInt8(ascii: "|") && bytes[index + 2] == 0x20 {
                separators.append(index)
            }
        }
        let head =
            separators.first.map {
                String(decoding: bytes[..<$0], as: UTF8.self).split(separator: " ").map(String.init)
            } ?? []
        let isKey = { (word: String) in
            !word.isEmpty
                && word.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        if separators.count == 1, let separator = separators.first, let first = head.first, head.allSatisfy(isKey) {
            key = first
            tags = Set(head.dropFirst())
            text = String(decoding: bytes[(separator + 3)...], as: UTF8.self)
        } else {
            key = nil
            tags = []
            text = value
        }
    }
}

/// One step of a flow.
public indirect enum FlowStep: Hashable, Sendable {
    case screen(String)
    case ask(String)
    case always(String)
    case text(String)
    case followups
    case outcome
    case decision
    /// A step taken only when the condition is true or not known on the evidence so far
    /// (`step: ask QUESTION when CONDITION`): not knowing asks.
    case when(FlowStep, Condition)

    /// The step without its condition.
    public var unconditional: FlowStep {
        if case .when(let inner, _) = self { return inner.unconditional }
        return self
    }
}

/// The order of an interview, with included flows already expanded.
public struct Flow: Hashable, Sendable {
    public var id: String
    public var title: String
    public var steps: [FlowStep]
}

/// An answer to a common question.
public struct FAQ: Hashable, Sendable {
    public var id: String
    public var question: String
    public var answer: [String]
    public var citations: [Citation]
}

/// The whole validated knowledge pack: immutable, with a content hash.
public struct KnowledgeBase: Sendable {
    public internal(set) var sources: [String: Source] = [:]
    public internal(set) var findings: [String: Finding] = [:]
    public internal(set) var phrases: [String: [String]] = [:]
    /// Each finding's combinations: two parts, each a list of alternatives (word sets expanded).
    public internal(set) var combinations: [String: [[[String]]]] = [:]
    /// Phrase records as written, when they were not expanded at load (the start-up path):
    /// `lexicon()` expands them.
    public internal(set) var phraseSources: [String: PhraseSource] = [:]
    /// The question (`use: not-understood`) that leads from words the reader could not place
    /// to a checklist: its options are checklist question ids, or set a fact.
    public internal(set) var notUnderstoodQuestion: String?
    /// Named word sets (`words:` records): the alternatives each name stands for.
    public internal(set) var wordSets: [String: [String]] = [:]
    public internal(set) var facts: [String: Fact] = [:]
    public internal(set) var questions: [String: Question] = [:]
    /// Question ids in file order.
    public internal(set) var questionOrder: [String] = []
    public internal(set) var levels: [String: Level] = [:]
    public internal(set) var actions: [String: Action] = [:]
    public internal(set) var rules: [Rule] = []
    public internal(set) var advice: [String: Advice] = [:]
    public internal(set) var flows: [String: Flow] = [:]
    /// Emergency, urgent and crisis numbers by region id (`uk`, `us`, ...); `none` is the
    /// wording used when no region was chosen.
    public internal(set) var regions: [String: Region] = [:]
    public internal(set) var faqs: [FAQ] = []
    public internal(set) var texts: [String: Wording] = [:]
    public internal(set) var settings: [String: [String]] = [:]
    /// The setting `anchor-fallback` read once: anchor id -> the anchor that stands in for it.
    public internal(set) var anchorFallbacks: [String: String] = [:]
    /// Every citation as read: which record cites which source and section.
    var citationUses: [CitationUse] = []

    /// Which records cite each `source section` (and each bare source), as `kind id`.
    /// Worked out on demand (for coverage reports): loading only lists the uses.
    public var citedBy: [String: [String]] {
        var result: [String: [String]] = [:]
        for use in citationUses {
            result[use.section.map { "\(use.source) \($0)" } ?? use.source, default: []].append("\(use.kind) \(use.id)")
        }
        return result
    }
    /// SHA-256 of the knowledge files' names and bytes, in hex.
    public internal(set) var hash: String = ""

    /// The first 12 hex digits of the hash, as shown to people.
    public var shortHash: String { String(hash.prefix(12)) }

    /// Patient names of findings and facts with their clinical names, longest first (for
    /// rewording text written in the patient's words).
    var clinicalNames: [(patient: String, nurse: String)] {
        let names = findings.values.map(\.name) + facts.values.map(\.name)
        return names.filter { $0.patient != $0.nurse && !$0.patient.isEmpty }.map { ($0.patient, $0.nurse) }
            .sorted {
                $0.patient.count != $1.patient.count ? $0.patient.count > $1.patient.count : $0.patient < $1.patient
            }
    }

    /// Levels from least to most urgent.
    public var levelsByRank: [Level] { levels.values.sorted { $0.rank < $1.rank } }

    /// The rank of a level id (0 when unknown).
    public func rank(of level: String) -> Int { levels[level]?.rank ?? 0 }

    /// A list setting, split on commas.
    public func list(_ setting: String) -> [String] {
        (settings[setting] ?? []).flatMap { $0.splitting(on: ",") }
            .map { $0.trimmingWhitespace().lowercased() }
            .filter { !$0.isEmpty }
    }

    /// Wording of a `text` record, or an empty string.
    public func text(_ id: String, for audience: Audience) -> String {
        texts[id]?.text(for: audience) ?? ""
    }
}

/// One citation of a source (and maybe a section) by a record.
struct CitationUse: Hashable, Sendable {
    var source: String
    var section: String?
    var kind: String
    var id: String
}

/// A phrase record as written: its `say:` and `combine:` values, lower case.
public struct PhraseSource: Hashable, Sendable {
    public var says: [String]
    public var combines: [String]
}

extension KnowledgeBase {
    /// Every finding's phrases and combinations, with word sets expanded: as built at load,
    /// or, for knowledge loaded at start-up, expanded now from the records as written (the
    /// same expansion; its diagnostics were reported when the knowledge was validated).
    public func lexicon() -> (phrases: [String: [String]], combinations: [String: [[[String]]]]) {
        guard !phraseSources.isEmpty else { return (phrases, combinations) }
        var phrases = self.phrases
        var combinations = self.combinations
        for (id, source) in phraseSources {
            phrases[id] = source.says.flatMap { LexiconPattern.expand($0, sets: wordSets) ?? [] }
            let combined = source.combines.compactMap { LexiconPattern.combination($0, sets: wordSets) }
            if !combined.isEmpty { combinations[id] = combined }
        }
        return (phrases, combinations)
    }
}

/// The phrase patterns of the knowledge: `{set}` words and `A + B` combinations.
enum LexiconPattern {
    /// Every phrase `pattern` stands for, each `{set}` word replaced by each alternative of
    /// the set; nil when it names an unknown set (`unknown` is told its name).
    /// `named` is told every set name the pattern uses, known or not.
    static func expand(
        _ pattern: String, sets: [String: [String]], named: (String) -> Void = { _ in },
        unknown: (String) -> Void = { _ in }
    ) -> [String]? {
        var results = [""]
        for word in pattern.splitting(on: " ") where !word.isEmpty {
            var choices = [word]
            if word.hasPrefix("{"), word.hasSuffix("}"), word.count > 2 {
                let name = String(word.dropFirst().dropLast())
                named(name)
                guard let set = sets[name] else {
                    unknown(name)
                    return nil
                }
                choices = set
            }
            results = results.flatMap { prefix in choices.map { prefix.isEmpty ? $0 : prefix + " " + $0 } }
        }
        return results.filter { !$0.isEmpty }
    }

    /// The two parts of a `combine:` value, each expanded; nil when it is malformed or a
    /// part names an unknown set.
    static func combination(
        _ value: String, sets: [String: [String]], named: (String) -> Void = { _ in },
        unknown: (String) -> Void = { _ in }
    ) -> [[String]]? {
        let written = value.components(separatedBy: " + ")
        guard written.count == 2, written.allSatisfy({ !$0.trimmingWhitespace().isEmpty }) else { return nil }
        var parts: [[String]] = []
        for part in written {
            var alternatives: [String] = []
            for alternative in part.splitting(on: "|").map({ $0.trimmingWhitespace() }) where !alternative.isEmpty {
                guard let expanded = expand(alternative, sets: sets, named: named, unknown: unknown) else { return nil }
                alternatives += expanded
            }
            guard !alternatives.isEmpty else { return nil }
            parts.append(alternatives)
        }
        return parts
    }
}
