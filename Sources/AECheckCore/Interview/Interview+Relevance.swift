extension Interview.Walk {
    /// The rules that make question `id` worth asking now: rules that mention what it asks,
    /// are not already surely firing, could still fire, and would raise the level, resolve an
    /// assumption or add an action. With `anchored`, only rules that involve a finding the
    /// person already reported count (follow-ups stay on topic).
    func worthAsking(_ id: String, anchored: Bool, current known: Outcome? = nil) -> [String] {
        guard let question = knowledge.questions[id] else { return [] }
        let targets = Targets(question: question, evidence: evidence)
        guard !targets.isEmpty else { return [] }
        let current = known ?? interview.triage.assess(evidence)
        let currentRank = knowledge.rank(of: current.level)
        let reported = Set(evidence.findings.values.filter { $0.status != .absent }.map(\.id))
        var reasons: [String] = []
        for (rule, terms) in zip(knowledge.rules, interview.ruleTerms) where targets.touch(terms) {
            let findings = terms.findingList
            if anchored && findings.allSatisfy({ !reported.contains($0) }) { continue }
            var evaluator = ConditionEvaluator(knowledge: knowledge, evidence: evidence)
            let truth = evaluator.evaluate(rule.condition)
            if truth == .yes { continue }
            var hypothetical = targets.unknown(in: evidence)
            if !anchored {
                // Not yet known: anything else the rule needs might still make it fire.
                for finding in findings where hypothetical.findings[finding] == nil {
                    hypothetical.findings[finding] = FindingEvidence(id: finding, status: .unknown)
                }
                for fact in terms.facts where hypothetical.facts[fact] == nil { hypothetical.facts[fact] = .unsure }
                for anchor in terms.anchors where hypothetical.anchors[anchor] == nil {
                    hypothetical.anchors[anchor] = .unsure
                }
            }
            var probe = ConditionEvaluator(knowledge: knowledge, evidence: hypothetical)
            guard probe.evaluate(rule.condition) != .no else { continue }
            let raises = knowledge.rank(of: rule.level) > currentRank
            let addsAction = !Set(rule.actions).isSubset(of: current.actions)
            let decides = interview.decides && rule.decision != nil
            if raises || addsAction || truth == .unknown || decides { reasons.append(rule.id) }
        }
        return reasons
    }

    /// The follow-up most worth asking: the one whose rules are most urgent, then file order.
    func bestFollowup() -> (String, [String])? {
        var best: (id: String, rank: Int, rules: [String])?
        let current = interview.triage.assess(evidence)
        for id in knowledge.questionOrder {
            guard let question = knowledge.questions[id], question.followup, !asked.contains(id) else { continue }
            let rules = worthAsking(id, anchored: true, current: current)
            guard !rules.isEmpty else { continue }
            let rank = rules.map { knowledge.rank(of: ruleLevel($0)) }.max() ?? 0
            if best == nil || rank > best!.rank { best = (id, rank, rules) }
        }
        return best.map { ($0.id, $0.rules) }
    }

    private func ruleLevel(_ id: String) -> String {
        knowledge.rules.first { $0.id == id }?.level ?? ""
    }
}

/// What a question would tell: the findings, fact, anchor, onsets or trends it sets.
private struct Targets {
    var findings: Set<String> = []
    var fact: String?
    var anchor: String?
    var onset = false
    var trend = false

    init(question: Question, evidence: Evidence) {
        findings = Set(question.findings.filter { evidence.findings[$0] == nil })
        if let fact = question.fact, evidence.facts[fact] == nil { self.fact = fact }
        let reported = evidence.findings.values.filter { $0.status != .absent }
        switch question.type {
        case .time where question.anchor == "onset":
            onset = reported.contains { $0.onset == nil }
        case .time:
            if let anchor = question.anchor, evidence.anchors[anchor] == nil { self.anchor = anchor }
        case .trend:
            trend = reported.contains { $0.trend == nil }
        default:
            break
        }
        for (fact, _) in question.sets.values where evidence.facts[fact] == nil { findings.insert("fact:" + fact) }
    }

    var isEmpty: Bool { findings.isEmpty && fact == nil && anchor == nil && !onset && !trend }

    func touch(_ terms: RuleTerms) -> Bool {
        if !findings.isDisjoint(with: terms.findings) { return true }
        if let fact, terms.facts.contains(fact) { return true }
        if !findings.isDisjoint(with: terms.prefixedFacts) { return true }
        if let anchor, terms.anchors.contains(anchor) { return true }
        if onset && terms.usesOnset { return true }
        return trend && terms.usesTrend
    }

    /// The evidence with everything this question would tell set to "not known".
    func unknown(in evidence: Evidence) -> Evidence {
        var result = evidence
        for id in findings where !id.hasPrefix("fact:") {
            result.findings[id] = FindingEvidence(id: id, status: .unknown)
        }
        for id in findings where id.hasPrefix("fact:") { result.facts[String(id.dropFirst(5))] = .unsure }
        if let fact { result.facts[fact] = .unsure }
        if let anchor { result.anchors[anchor] = .unsure }
        return result
    }
}

/// What one rule's condition mentions, worked out once per interview (relevance asks it often).
struct RuleTerms: Sendable {
    let findingList: [String]
    let findings: Set<String>
    let facts: Set<String>
    let prefixedFacts: Set<String>
    let anchors: Set<String>
    let usesOnset: Bool
    let usesTrend: Bool

    init(_ condition: Condition) {
        findingList = condition.findingIDs
        findings = Set(findingList)
        facts = Set(condition.factIDs)
        prefixedFacts = Set(facts.map { "fact:" + $0 })
        anchors = Set(condition.anchorIDs)
        usesOnset = condition.usesOnset
        usesTrend = condition.usesTrend
    }
}
