import AECheckLanguage
/// Checks that go across records: reachability, flow cycles, rule examples.
struct KnowledgeValidator {
    let knowledge: KnowledgeBase
    let builder: KnowledgeBuilder
    /// Whether rule examples are triaged (see `KnowledgeLoader.loadEmbedded`).
    var checkingExamples = true

    func validate(into sink: inout DiagnosticSink) {
        checkRequired(into: &sink)
        checkFlowCycles(into: &sink)
        checkReachability(into: &sink)
        checkFindings(into: &sink)
        if checkingExamples { checkExamples(into: &sink) }
    }

    private func checkRequired(into sink: inout DiagnosticSink) {
        let pack = SourceLocation(file: "(knowledge)", line: 0, column: 0)
        guard !builder.records.isEmpty else { return }
        if knowledge.levels.isEmpty { sink.error(.missingRecord("level", "emergency"), at: pack) }
        if knowledge.flows["check"] == nil { sink.error(.missingRecord("flow", "check"), at: pack) }
    }

    private func checkFlowCycles(into sink: inout DiagnosticSink) {
        var reported: Set<String> = []
        func visit(_ flow: String, path: [String]) {
            for (next, location) in builder.includes[flow] ?? [] {
                if let start = path.firstIndex(of: next) {
                    let members = Array(path[start...])
                    // One report per cycle, whichever flow the walk entered it from.
                    if reported.insert(members.sorted().joined(separator: ",")).inserted {
                        let cycle = members + [next]
                        sink.error(.flowCycle(cycle), at: location)
                    }
                } else {
                    visit(next, path: path + [next])
                }
            }
        }
        for flow in builder.includes.keys.sorted() { visit(flow, path: [flow]) }
    }

    private func checkReachability(into sink: inout DiagnosticSink) {
        var named: Set<String> = []
        for flow in knowledge.flows.values {
            for step in flow.steps {
                switch step.unconditional {
                case .screen(let id), .ask(let id), .always(let id), .text(let id): named.insert(id)
                default: break
                }
            }
        }
        for id in knowledge.questionOrder {
            // A boundary question is asked whenever an onset straddles its limit.
            guard let question = knowledge.questions[id], !question.followup, question.type != .boundary,
                !named.contains(id),
                id != knowledge.notUnderstoodQuestion
            else { continue }
            sink.error(.unreachableQuestion(id), at: question.location)
        }
    }

    private func checkFindings(into sink: inout DiagnosticSink) {
        let asked = Set(knowledge.questions.values.flatMap(\.findings))
        // Neither asked nor matched in free text (looked up by key: no finding is copied).
        func unreachable(_ id: String) -> Bool {
            !asked.contains(id) && (knowledge.phrases[id]?.isEmpty ?? true) && knowledge.phraseSources[id] == nil
        }
        for record in builder.records where record.kind == "finding" && unreachable(record.id) {
            sink.warning(.unaskedFinding(record.id), at: record.location)
        }
        for record in builder.records where record.kind == "phrase" && !knowledge.findings.keys.contains(record.id) {
            sink.error(
                .unknownReference(
                    "finding", record.id, suggestion: Suggestion.closest(to: record.id, in: knowledge.findings.keys)),
                at: record.location)
        }
        for rule in knowledge.rules {
            let unreachable = rule.condition.findingIDs.filter {
                knowledge.findings.keys.contains($0) && unreachable($0)
            }
            if let id = unreachable.first {
                sink.warning(
                    .ruleNeverFires(rule.id, because: "nothing asks or matches finding '\(id)'"), at: rule.location)
            }
        }
    }

    private func checkExamples(into sink: inout DiagnosticSink) {
        let triage = Triage(knowledge: knowledge)
        let rules = Dictionary(knowledge.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (ruleID, mustFire, field) in builder.examples {
            guard let rule = rules[ruleID] else { continue }
            switch EvidenceExample.parse(field.value, knowledge: knowledge) {
            case .failure(let error):
                sink.error(.badExample(error.message), at: field.valueLocation)
            case .success(let evidence):
                guard !builder.unparsedConditions.contains(ruleID) else { continue }
                let fired = triage.fires(rule, on: evidence, calendar: EvidenceExample.calendar).fired
                if mustFire && !fired { sink.error(.exampleDoesNotFire(ruleID), at: field.valueLocation) }
                if !mustFire && fired { sink.error(.nearMissFires(ruleID), at: field.valueLocation) }
            }
        }
    }
}
