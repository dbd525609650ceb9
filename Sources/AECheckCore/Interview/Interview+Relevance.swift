import AECheckLanguage
import Foundation

extension Interview.Walk {
    /// The rules that make question `id` worth asking now: rules that mention what it asks,
    /// are not already surely firing, could still fire, and would raise the level, resolve an
    /// assumption, add an action, or (in a checklist) change the decision or its notes. With `anchored`, only rules that involve a finding the
    /// person already reported count (follow-ups stay on topic).
    func worthAsking(_ id: String, anchored: Bool) -> [String] {
        memo().worthAsking(EvidenceMemo.Relevance(question: id, anchored: anchored)) {
            relevantRules(id, anchored: anchored)
        }
    }

    /// `worthAsking`, worked out.
    private func relevantRules(_ id: String, anchored: Bool) -> [String] {
        guard let question = knowledge.questions[id] else { return [] }
        let memo = memo()
        let targets = Targets(
            question: question, evidence: evidence, reportedWithoutOnset: memo.reportedWithoutOnset,
            reportedWithoutTrend: memo.reportedWithoutTrend)
        guard !targets.isEmpty else { return [] }
        // Only the parts read below, not copies of the whole assessment.
        let truths = memo.assessment.truths
        let currentActions = memo.assessment.outcome.actions
        let currentRank = knowledge.rank(of: memo.assessment.outcome.level)
        let rules = knowledge.rules
        let conditions = interview.triage.conditions
        // One evaluator on the hypothetical evidence (what the answer could tell set to "not
        // known", the same for every rule), made when first needed and reset per rule.
        let told = TargetSlots(targets, conditions: conditions)
        lazy var probe = ConditionEvaluator(
            conditions: conditions, evidence: told.unknown(in: memo.slots), calendar: calendar)
        var reasons: [String] = []
        let touchable = interview.cache.touchableRules(id) { interview.ruleTermIndex.touchableRules(question) }
        let ruleTerms = interview.ruleTerms
        for index in touchable {
            let terms = ruleTerms[index]
            guard told.touch(terms) else { continue }
            if anchored && !terms.findingSlots.contains(where: memo.slots.reports) { continue }
            // The rule's truth on the evidence as it is: triage already worked it out.
            let truth = truths[index]
            if truth == .yes { continue }
            // Unless anchored, the rule's other unmentioned findings count as "not known" too,
            // and so do its unmentioned facts and anchors (anything else the rule needs might
            // still make it fire).
            if anchored {
                probe.reset()
            } else {
                let slots = probe.evidence
                probe.reset(
                    assumedUnknown: terms.findingSlots.filter { slots.findings[$0] == nil },
                    unsureFacts: terms.factSlots.filter { slots.facts[$0] == nil },
                    unsureAnchors: terms.anchorSlots.filter { slots.anchors[$0] == nil })
            }
            let couldFire = probe.evaluate(rule: index)
            guard couldFire != .no else { continue }
            let raises = interview.triage.ruleRanks[index] > currentRank
            let addsAction = !rules[index].actions.allSatisfy { currentActions.contains($0) }
            // A checklist asks whatever could change its proceed / hold decision or its notes.
            let decides = interview.decides && rules[index].decision != nil
            if raises || addsAction || truth == .unknown || decides { reasons.append(rules[index].id) }
        }
        return reasons
    }

    /// The follow-up most worth asking: the one whose rules are most urgent, then file order.
    func bestFollowup() -> (String, [String])? {
        memo().bestFollowup(asked: asked) { findBestFollowup() }
    }

    /// `bestFollowup`, worked out.
    private func findBestFollowup() -> (String, [String])? {
        var best: (id: String, rank: Int, rules: [String])?
        for id in interview.followupIDs where !asked.contains(id) {
            // A follow-up with a `when:` condition that is surely false is not asked.
            if let condition = knowledge.questions[id]?.when, followupCondition(condition) == .no { continue }
            let rules = worthAsking(id, anchored: true)
            guard !rules.isEmpty else { continue }
            let rank = rules.map { ruleRank($0) }.max() ?? 0
            if best == nil || rank > best!.rank { best = (id, rank, rules) }
        }
        return best.map { ($0.id, $0.rules) }
    }

    /// A follow-up's `when:` condition on the evidence so far.
    private func followupCondition(_ condition: Condition) -> Truth {
        guard let compiled = interview.stepConditions[condition] else { return .unknown }
        var evaluator = ConditionEvaluator(
            conditions: compiled, evidence: compiled.slots(of: evidence), calendar: calendar)
        return evaluator.evaluate(rule: 0)
    }

    /// The rank of the most urgent of the rules (ids), 0 for none.
    func rank(of rules: [String]) -> Int {
        rules.map { ruleRank($0) }.max() ?? 0
    }

    /// The rank of a rule's level (0 for an unknown rule).
    private func ruleRank(_ id: String) -> Int {
        interview.ruleIndex[id].map { interview.triage.ruleRanks[$0] } ?? 0
    }
}

/// Which rules mention each term of a rule condition (the inverse of `Targets.touch`), so a
/// question finds the rules it could touch from its own terms instead of testing every rule.
struct RuleTermIndex: Sendable {
    private var byFinding: [String: [Int]] = [:]
    private var byFact: [String: [Int]] = [:]
    private var byAnchor: [String: [Int]] = [:]
    private var usingOnset: [Int] = []
    private var usingTrend: [Int] = []

    init(_ terms: [RuleTerms]) {
        for (index, rule) in terms.enumerated() {
            for id in rule.findings.union(rule.prefixedFacts) { byFinding[id, default: []].append(index) }
            for id in rule.facts { byFact[id, default: []].append(index) }
            for id in rule.anchors { byAnchor[id, default: []].append(index) }
            if rule.usesOnset { usingOnset.append(index) }
            if rule.usesTrend { usingTrend.append(index) }
        }
    }

    /// The rules (indices in `knowledge.rules` order) a question could touch with nothing
    /// known yet: relevance checks only these, as what a question tells only shrinks as
    /// evidence comes in.
    func touchableRules(_ question: Question) -> [Int] {
        // With no evidence, everything the question could tell; onsets and trends only
        // matter once something is reported, so allow them outright.
        let empty = Evidence(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
        let targets = Targets(
            question: question, evidence: empty, reportedWithoutOnset: true, reportedWithoutTrend: true)
        var touched = Set(targets.findings.flatMap { byFinding[$0] ?? [] })
        if let fact = targets.fact { touched.formUnion(byFact[fact] ?? []) }
        if let anchor = targets.anchor { touched.formUnion(byAnchor[anchor] ?? []) }
        if question.type == .time && question.anchor == "onset" { touched.formUnion(usingOnset) }
        if question.type == .trend { touched.formUnion(usingTrend) }
        return touched.sorted()
    }
}

/// What a question would tell: the findings, fact, anchor, onsets or trends it sets.
private struct Targets {
    var findings: Set<String> = []
    var fact: String?
    var anchor: String?
    var onset = false
    var trend = false

    /// `reportedWithoutOnset` and `reportedWithoutTrend`: whether some finding of the evidence
    /// that is present or not sure has no onset, or no trend, yet.
    init(question: Question, evidence: Evidence, reportedWithoutOnset: Bool, reportedWithoutTrend: Bool) {
        findings = Set(question.findings.filter { evidence.findings[$0] == nil })
        if let fact = question.fact, evidence.facts[fact] == nil { self.fact = fact }
        switch question.type {
        case .time where question.anchor == "onset":
            onset = reportedWithoutOnset
        case .time:
            if let anchor = question.anchor, evidence.anchors[anchor] == nil { self.anchor = anchor }
        case .trend:
            trend = reportedWithoutTrend
        default:
            break
        }
        for (fact, _) in question.sets.values where evidence.facts[fact] == nil { findings.insert("fact:" + fact) }
    }

    var isEmpty: Bool { findings.isEmpty && fact == nil && anchor == nil && !onset && !trend }
}

/// `Targets` as slots in the compiled conditions, for the tests relevance repeats per rule.
/// What no condition names has no slot, and can touch no rule.
private struct TargetSlots {
    /// The findings the question would tell.
    var findings: [Int] = []
    /// Its fact and the facts its options set (the `fact:` targets).
    var facts: [Int] = []
    var anchor: Int?
    var onset: Bool
    var trend: Bool
    /// Whether it would tell some finding (named by a condition or not).
    var tellsFinding = false

    init(_ targets: Targets, conditions: CompiledConditions) {
        for id in targets.findings {
            if id.hasPrefix("fact:") {
                if let slot = conditions.factSlots[String(id.dropFirst(5))] { facts.append(slot) }
            } else {
                tellsFinding = true
                if let slot = conditions.findingSlots[id] { findings.append(slot) }
            }
        }
        if let fact = targets.fact, let slot = conditions.factSlots[fact] { facts.append(slot) }
        anchor = targets.anchor.flatMap { conditions.anchorSlots[$0] }
        onset = targets.onset
        trend = targets.trend
    }

    /// Whether the question would tell something the rule mentions.
    func touch(_ terms: RuleTerms) -> Bool {
        if findings.contains(where: terms.findingSlots.contains) { return true }
        if facts.contains(where: terms.factSlots.contains) { return true }
        if let anchor, terms.anchorSlots.contains(anchor) { return true }
        if onset && terms.usesOnset { return true }
        return trend && terms.usesTrend
    }

    /// The evidence with everything this question would tell set to "not known": each finding
    /// unknown (so reported), each fact "not sure" and the anchor "I don't know".
    func unknown(in evidence: EvidenceSlots) -> EvidenceSlots {
        var result = evidence
        if tellsFinding { result.anyReported = true }
        for slot in findings { result.findings[slot] = FindingSlot(status: .unknown) }
        for slot in facts { result.facts[slot] = .unsure }
        if let anchor { result.anchors[anchor] = .unsure }
        return result
    }
}

/// What one rule's condition mentions, worked out once per interview (relevance asks it often),
/// with the slots of its findings, facts and anchors in the compiled conditions. A class, so
/// relevance reads one without copying its arrays and sets.
final class RuleTerms: Sendable {
    let findingList: [String]
    let findingSlots: [Int]
    let factSlots: [Int]
    let anchorSlots: [Int]
    let findings: Set<String>
    let facts: Set<String>
    let prefixedFacts: Set<String>
    let anchors: Set<String>
    let usesOnset: Bool
    let usesTrend: Bool

    init(_ condition: Condition, conditions: CompiledConditions) {
        findingList = condition.findingIDs
        findings = Set(findingList)
        facts = Set(condition.factIDs)
        prefixedFacts = Set(facts.map { "fact:" + $0 })
        anchors = Set(condition.anchorIDs)
        findingSlots = findingList.compactMap { conditions.findingSlots[$0] }
        factSlots = facts.compactMap { conditions.factSlots[$0] }
        anchorSlots = anchors.compactMap { conditions.anchorSlots[$0] }
        usesOnset = condition.usesOnset
        usesTrend = condition.usesTrend
    }
}
