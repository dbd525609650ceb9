import Foundation

/// Rule conditions in a form quick to evaluate, made once per knowledge: triage evaluates
/// every rule at every step of an interview, and relevance evaluates many of them again.
///
/// Each finding, fact and anchor the conditions name gets a number, its slot. `EvidenceSlots`
/// holds one evidence's values by slot, so an evaluation reads arrays instead of looking
/// names up in the evidence's dictionaries, and the text of each "not known" note is written
/// here once instead of at every evaluation. `ConditionEvaluator` gives the same result as
/// evaluating the `Condition` as written.
final class CompiledConditions: Sendable {
    /// Each rule's condition, in the order given (for a triage, `knowledge.rules` order).
    let rules: [CompiledCondition]
    /// The slot of each finding, fact and anchor named.
    let findingSlots: [String: Int]
    let factSlots: [String: Int]
    let anchorSlots: [String: Int]
    /// For each anchor slot, the slot of the anchor the setting `anchor-fallback` names for it.
    let anchorFallbacks: [Int?]
    /// The setting `infusion-length`, read once.
    let infusionLength: TimeSpan?
    /// The slots of the anchors and the fact the evaluator reads by name.
    let infusionStart: Int
    let infusionEnd: Int
    let infusionOngoing: Int

    init(_ conditions: [Condition], knowledge: KnowledgeBase) {
        var builder = Builder(knowledge: knowledge)
        // The names the evaluator reads whatever the conditions say.
        self.infusionStart = builder.anchor("infusion-start")
        self.infusionEnd = builder.anchor("infusion-end")
        self.infusionOngoing = builder.fact("infusion-ongoing")
        self.rules = conditions.map { builder.compile($0) }
        // Fallbacks of the anchors named, and theirs in turn get slots too.
        var fallbacks: [Int?] = []
        var index = 0
        while index < builder.anchorIDs.count {
            fallbacks.append(knowledge.anchorFallbacks[builder.anchorIDs[index]].map { builder.anchor($0) })
            index += 1
        }
        self.anchorFallbacks = fallbacks
        self.findingSlots = builder.findingSlots
        self.factSlots = builder.factSlots
        self.anchorSlots = builder.anchorSlots
        self.infusionLength = knowledge.list("infusion-length").first.flatMap(TimeSpan.init)
    }

    /// The evidence's values by slot.
    func slots(of evidence: Evidence) -> EvidenceSlots {
        var slots = EvidenceSlots(
            now: evidence.now, findings: Array(repeating: nil, count: findingSlots.count),
            facts: Array(repeating: nil, count: factSlots.count),
            anchors: Array(repeating: nil, count: anchorSlots.count),
            anyReported: evidence.findings.values.contains { $0.status != .absent })
        for (id, finding) in evidence.findings {
            if let slot = findingSlots[id] {
                slots.findings[slot] = FindingSlot(status: finding.status, onset: finding.onset, trend: finding.trend)
            }
        }
        for (id, value) in evidence.facts {
            if let slot = factSlots[id] { slots.facts[slot] = value }
        }
        for (id, value) in evidence.anchors {
            if let slot = anchorSlots[id] { slots.anchors[slot] = value }
        }
        return slots
    }

    /// The slots of findings, in the order given (each id must be one the conditions name).
    func findingSlots(_ ids: [String]) -> [Int] { ids.compactMap { findingSlots[$0] } }

    /// Gives slots and writes the notes while compiling.
    private struct Builder {
        let knowledge: KnowledgeBase
        var findingSlots: [String: Int] = [:]
        var factSlots: [String: Int] = [:]
        var anchorSlots: [String: Int] = [:]
        var anchorIDs: [String] = []

        init(knowledge: KnowledgeBase) {
            self.knowledge = knowledge
        }

        mutating func finding(_ id: String) -> Int {
            if let slot = findingSlots[id] { return slot }
            findingSlots[id] = findingSlots.count
            return findingSlots.count - 1
        }

        mutating func fact(_ id: String) -> Int {
            if let slot = factSlots[id] { return slot }
            factSlots[id] = factSlots.count
            return factSlots.count - 1
        }

        mutating func anchor(_ id: String) -> Int {
            if let slot = anchorSlots[id] { return slot }
            anchorSlots[id] = anchorIDs.count
            anchorIDs.append(id)
            return anchorIDs.count - 1
        }

        mutating func compile(_ condition: Condition) -> CompiledCondition {
            switch condition {
            case .always: return .always
            case .noneReported: return .noneReported
            case .finding(let id, let status, let qualifiers), .name(let id, let status, let qualifiers):
                let name = knowledge.findings[id]?.name.patient ?? id
                return .finding(
                    FindingTest(
                        slot: finding(id), id: id, status: status, qualifiers: qualifiers.map { compile($0) },
                        notSure: "not sure about \(name)", timing: "the timing of \(name)"))
            case .fact(let id, let comparison, let value): return compileFact(id, comparison, value)
            case .factIsYes(let id): return compileFact(id, .equal, "yes")
            case .since(let id, let over, let span):
                return .since(
                    slot: anchor(id), over: over, span,
                    note: "the date of \(id.replacingOccurrences(of: "-", with: " "))")
            case .all(let items): return .all(items.map { compile($0) })
            case .any(let items): return .any(items.map { compile($0) })
            case .atLeast(let count, let items): return .atLeast(count, items.map { compile($0) })
            case .not(let inner): return .not(compile(inner))
            }
        }

        private mutating func compileFact(_ id: String, _ comparison: Comparison, _ value: String) -> CompiledCondition
        {
            let name = knowledge.facts[id]?.name.patient ?? id
            return .fact(
                FactTest(
                    slot: fact(id), comparison: comparison, value: value, number: Double(value),
                    notSure: "not sure about \(name)"))
        }

        private mutating func compile(_ qualifier: Qualifier) -> CompiledQualifier {
            switch qualifier {
            case .trend(let trend, let negated): .trend(trend, negated: negated)
            case .onsetRecent(let span): .onsetRecent(span)
            case .onsetOver(let span): .onsetOver(span)
            case .onsetWithin(let span, let id): .onsetWithin(span, anchor: anchor(id))
            case .onsetAfter(let span, let id): .onsetAfter(span, anchor: anchor(id))
            case .onsetDuringInfusion: .onsetDuringInfusion
            }
        }
    }
}

/// A `Condition` with slots for names; see `CompiledConditions`.
indirect enum CompiledCondition: Sendable {
    case finding(FindingTest)
    case fact(FactTest)
    /// Time from an anchor to now, over (`true`) or under a span; `note` when not known.
    case since(slot: Int, over: Bool, TimeSpan, note: String)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case atLeast(Int, [CompiledCondition])
    case not(CompiledCondition)
    case always
    case noneReported
}

/// A finding test, with the notes it gives when not known (a class: evaluation reads it
/// without copying its fields).
final class FindingTest: Sendable {
    let slot: Int
    let id: String
    let status: FindingStatus
    let qualifiers: [CompiledQualifier]
    let notSure: String
    let timing: String

    init(
        slot: Int, id: String, status: FindingStatus, qualifiers: [CompiledQualifier], notSure: String, timing: String
    ) {
        self.slot = slot
        self.id = id
        self.status = status
        self.qualifiers = qualifiers
        self.notSure = notSure
        self.timing = timing
    }
}

/// A fact test; `number` is `value` read as a number, when it is one.
final class FactTest: Sendable {
    let slot: Int
    let comparison: Comparison
    let value: String
    let number: Double?
    let notSure: String

    init(slot: Int, comparison: Comparison, value: String, number: Double?, notSure: String) {
        self.slot = slot
        self.comparison = comparison
        self.value = value
        self.number = number
        self.notSure = notSure
    }
}

/// A `Qualifier` with anchor slots for anchor names.
enum CompiledQualifier: Sendable {
    case onsetWithin(TimeSpan, anchor: Int)
    case onsetAfter(TimeSpan, anchor: Int)
    case onsetDuringInfusion
    case onsetRecent(TimeSpan)
    case onsetOver(TimeSpan)
    case trend(Trend, negated: Bool)
}

/// What the evidence says about one finding, as conditions read it.
struct FindingSlot {
    var status: FindingStatus
    var onset: TimeBand?
    var trend: Trend?
}

/// One evidence's values by slot (nil where the evidence has none); see `CompiledConditions`.
struct EvidenceSlots {
    let now: Date
    var findings: [FindingSlot?]
    var facts: [FactValue?]
    var anchors: [AnchorValue?]
    /// Whether some finding, named by a condition or not, is present or not sure.
    var anyReported: Bool

    /// Whether the finding in `slot` is present or not sure.
    func reports(_ slot: Int) -> Bool {
        guard let finding = findings[slot] else { return false }
        return finding.status != .absent
    }
}
