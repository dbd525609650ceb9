import AECheckLanguage
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
    /// Every rule's condition as a run of plain nodes, one rule after another; see
    /// `ConditionNode` for the layout.
    let nodes: [ConditionNode]
    /// The index in `nodes` of each rule's top node, in the order given (for a triage,
    /// `knowledge.rules` order).
    let roots: [Int]
    /// The qualifiers of every finding test; each test names a range of this array.
    let qualifiers: [CompiledQualifier]
    /// The value each fact test compares with, as written; each test names its index.
    let factValues: [String]
    /// The slot of each finding, fact and anchor named.
    let findingSlots: [String: Int]
    let factSlots: [String: Int]
    let anchorSlots: [String: Int]
    /// The id of the finding, and of the anchor, in each slot.
    let findingIDs: [String]
    let anchorIDs: [String]
    /// The text of each note, by the slot it is about (see `UnknownNote`).
    let findingNotSure: [String]
    let findingTiming: [String]
    let findingTrend: [String]
    let factNotSure: [String]
    let anchorDate: [String]
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
        self.roots = conditions.map { builder.compile($0) }
        // Fallbacks of the anchors named, and theirs in turn get slots too.
        var fallbacks: [Int?] = []
        var index = 0
        while index < builder.anchors.ids.count {
            fallbacks.append(knowledge.anchorFallbacks[builder.anchors.ids[index]].map { builder.anchor($0) })
            index += 1
        }
        self.anchorFallbacks = fallbacks
        self.nodes = builder.nodes
        self.qualifiers = builder.qualifiers
        self.factValues = builder.factValues
        self.findingSlots = builder.findings.slots
        self.factSlots = builder.facts.slots
        self.anchorSlots = builder.anchors.slots
        self.findingIDs = builder.findings.ids
        self.anchorIDs = builder.anchors.ids
        let findingNames = builder.findings.ids.map { knowledge.findings[$0]?.name.patient ?? $0 }
        self.findingNotSure = findingNames.map { "not sure about \($0)" }
        self.findingTiming = findingNames.map { "the timing of \($0)" }
        self.findingTrend = findingNames.map { "whether \($0) is getting better or worse" }
        self.factNotSure = builder.facts.ids.map { "not sure about \(knowledge.facts[$0]?.name.patient ?? $0)" }
        self.anchorDate = builder.anchors.ids.map { "the date of \($0.replacingOccurrences(of: "-", with: " "))" }
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

    /// The text of a note.
    func text(of note: UnknownNote) -> String {
        switch note {
        case .findingNotSure(let slot): findingNotSure[slot]
        case .findingTiming(let slot): findingTiming[slot]
        case .findingTrend(let slot): findingTrend[slot]
        case .factNotSure(let slot): factNotSure[slot]
        case .anchorDate(let slot): anchorDate[slot]
        }
    }

    /// Gives slots and lays out the nodes while compiling.
    private struct Builder {
        let knowledge: KnowledgeBase
        var nodes: [ConditionNode] = []
        var qualifiers: [CompiledQualifier] = []
        var factValues: [String] = []
        var findings = Numbering()
        var facts = Numbering()
        var anchors = Numbering()

        init(knowledge: KnowledgeBase) {
            self.knowledge = knowledge
        }

        mutating func finding(_ id: String) -> Int { findings.slot(id) }
        mutating func fact(_ id: String) -> Int { facts.slot(id) }
        mutating func anchor(_ id: String) -> Int { anchors.slot(id) }

        /// Names numbered in the order they are first met.
        struct Numbering {
            private(set) var slots: [String: Int] = [:]
            private(set) var ids: [String] = []

            mutating func slot(_ id: String) -> Int {
                if let slot = slots[id] { return slot }
                slots[id] = ids.count
                ids.append(id)
                return ids.count - 1
            }
        }

        /// Appends the condition's nodes (itself, then each child's in turn) and gives the
        /// index of its own.
        mutating func compile(_ condition: Condition) -> Int {
            let index = nodes.count
            // A place for the node, filled in once its children are laid out after it.
            nodes.append(ConditionNode(end: index + 1, test: .always))
            let test: ConditionNode.Test
            switch condition {
            case .always: test = .always
            case .noneReported: test = .noneReported
            case .finding(let id, let status, let qualifiers), .name(let id, let status, let qualifiers):
                let first = self.qualifiers.count
                for qualifier in qualifiers { self.qualifiers.append(compile(qualifier)) }
                test = .finding(slot: finding(id), status: status, qualifiers: first..<self.qualifiers.count)
            case .fact(let id, let comparison, let value): test = .fact(compileFact(id, comparison, value))
            case .factIsYes(let id): test = .fact(compileFact(id, .equal, "yes"))
            case .since(let id, let over, let span): test = .since(slot: anchor(id), over: over, span)
            case .all(let items):
                for item in items { _ = compile(item) }
                test = .all
            case .any(let items):
                for item in items { _ = compile(item) }
                test = .any
            case .atLeast(let count, let items):
                for item in items { _ = compile(item) }
                test = .atLeast(count)
            case .not(let inner):
                _ = compile(inner)
                test = .not
            }
            nodes[index] = ConditionNode(end: nodes.count, test: test)
            return index
        }

        private mutating func compileFact(_ id: String, _ comparison: Comparison, _ value: String) -> FactTest {
            factValues.append(value)
            let flag: Bool? =
                switch value {
                case "yes": true
                case "no": false
                default: nil
                }
            return FactTest(
                slot: fact(id), comparison: comparison, value: factValues.count - 1, number: Double(value), flag: flag,
                unsure: value == "unknown")
        }

        private mutating func compile(_ qualifier: Qualifier) -> CompiledQualifier {
            switch qualifier {
            case .trend(let trend, let negated): .trend(trend, negated: negated)
            case .onsetRecent(let span): .onsetRecent(span)
            case .onsetOver(let span): .onsetOver(span)
            case .onsetWithin(let span, let id): .onsetWithin(span, anchor: anchor(id))
            case .onsetAfter(let span, let id): .onsetAfter(span, anchor: anchor(id))
            case .onsetDuringInfusion: .onsetDuringInfusion
            case .onsetKnown: .onsetKnown
            }
        }
    }
}

/// One node of a compiled condition: a `Condition` with slots for names.
///
/// A rule's condition is laid out in `CompiledConditions.nodes` parent first, then each of
/// its children with everything under it, in the order written (pre-order). So a node's
/// first child, when it has children, is the node right after it; each child's `end` is
/// where the next child starts; and the last child's `end` is the parent's. A node holds
/// only numbers (slots, and indices into the side arrays of `CompiledConditions`), so
/// reading one costs no reference counting.
struct ConditionNode: Sendable {
    /// The index just past this node and everything under it.
    let end: Int
    let test: Test

    enum Test: Sendable {
        /// The finding in `slot` has `status`, and the qualifiers
        /// `CompiledConditions.qualifiers[qualifiers]` hold.
        case finding(slot: Int, status: FindingStatus, qualifiers: Range<Int>)
        case fact(FactTest)
        /// Time from the anchor in `slot` to now, over (`true`) or under a span.
        case since(slot: Int, over: Bool, TimeSpan)
        /// The children's truths combined.
        case all
        case any
        case atLeast(Int)
        /// The one child negated.
        case not
        case always
        case noneReported
    }
}

/// A fact test on the fact in `slot`: `value` is the index of the value compared with in
/// `CompiledConditions.factValues`; `number` is that value read as a number, when it is one,
/// and `flag` as a yes / no answer (true for "yes", false for "no", nil for anything else).
struct FactTest: Sendable {
    let slot: Int
    let comparison: Comparison
    let value: Int
    let number: Double?
    let flag: Bool?
    /// The test is `= unknown` (or `!= unknown`): whether the answer was "not sure".
    let unsure: Bool
}

/// Something not known that mattered, by slot; `CompiledConditions.text(of:)` writes it out
/// (only results that show it need the text).
enum UnknownNote: Hashable, Sendable {
    /// The finding was answered "not sure".
    case findingNotSure(Int)
    /// The timing of the finding is not known.
    case findingTiming(Int)
    /// How the finding is changing is not known.
    case findingTrend(Int)
    /// The fact was answered "not sure".
    case factNotSure(Int)
    /// The date of the anchor is not known.
    case anchorDate(Int)
}

/// A `Qualifier` with anchor slots for anchor names.
enum CompiledQualifier: Sendable {
    case onsetWithin(TimeSpan, anchor: Int)
    case onsetAfter(TimeSpan, anchor: Int)
    case onsetDuringInfusion
    case onsetRecent(TimeSpan)
    case onsetOver(TimeSpan)
    case onsetKnown
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
