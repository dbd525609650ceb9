import AECheckLanguage
import Foundation

extension Interview {
    /// One replay of the answer log through the flow, building evidence as it goes.
    struct Walk {
        let interview: Interview
        let answers: [String: String]
        let now: Date
        let timeZone: TimeZone
        var evidence: Evidence {
            didSet { evidenceVersion &+= 1 }
        }
        /// Counts changes to `evidence`, so triage runs once per version of it.
        private var evidenceVersion = 0
        /// The triage of the evidence at one version.
        private let assessed = AssessmentMemo()
        /// The Gregorian calendar in `timeZone`, for every rule evaluation of this walk.
        let calendar: LazyCalendar
        /// Question keys already asked in this walk, so nothing is asked twice.
        var asked: Set<String> = []

        init(interview: Interview, log: [LoggedAnswer], now: Date, timeZone: TimeZone) {
            self.interview = interview
            var answers: [String: String] = [:]
            for entry in log { answers[entry.key] = entry.answer }
            self.answers = answers
            self.now = now
            self.timeZone = timeZone
            self.evidence = Evidence(now: now, timeZone: timeZone)
            self.calendar = ConditionEvaluator.calendar(for: evidence)
        }

        var knowledge: KnowledgeBase { interview.knowledge }

        /// What is remembered about the current evidence (looked up once per version of it).
        func memo() -> EvidenceMemo {
            if let known = assessed.value, assessed.version == evidenceVersion { return known }
            let memo = memo(of: evidence)
            assessed.value = memo
            assessed.version = evidenceVersion
            return memo
        }

        /// Triage of the current evidence, with each rule's truth; its outcome lacks the open
        /// questions (relevance and the emergency check need only the level and actions).
        func assessment() -> InterviewCache.Assessment { memo().assessment }

        /// The complete outcome for the current evidence, as `Triage.assess` gives it.
        /// With the proceed / hold decision when the flow ends in one.
        func outcome() -> Outcome {
            let memo = memo()
            var result = memo.outcome { partial in
                interview.triage.openQuestions(memo.slots, above: knowledge.rank(of: partial.level), calendar: calendar)
            }
            if interview.decides { result.decision = interview.triage.decide(evidence, outcome: result) }
            return result
        }

        mutating func run() -> InterviewStep {
            for step in interview.flow.steps {
                if let next = perform(step) { return next }
                if let end = emergencyEnd() { return end }
            }
            return .outcome(outcome())
        }

        private mutating func perform(_ step: FlowStep) -> InterviewStep? {
            switch step {
            case .screen(let id), .always(let id):
                return ask(id)
            case .ask(let id):
                guard !worthAsking(id, anchored: false).isEmpty || answers[id] != nil else { return nil }
                return ask(id)
            case .text(let id):
                return freeText(id)
            case .followups:
                // The next follow-up, or a question about a time limit a sign's onset
                // straddles, whichever could settle the more urgent rule (the limit on a tie).
                while true {
                    let followup = bestFollowup()
                    if let limit = bestStraddle(),
                        followup.map({ rank(of: $0.1) <= limit.rank }) ?? true
                    {
                        if let next = ask(limit.straddle, question: limit.question) { return next }
                    } else if let (id, _) = followup {
                        if let next = ask(id) { return next }
                    } else {
                        return nil
                    }
                    if let end = emergencyEnd() { return end }
                }
            case .outcome, .decision:
                return .outcome(outcome())
            case .when(let inner, let condition):
                // Skipped only when the condition is surely false (and nothing was answered to it).
                let logged: Bool =
                    switch inner.unconditional {
                    case .screen(let id), .ask(let id), .always(let id), .text(let id): answers[id] != nil
                    default: false
                    }
                guard logged || holds(condition) != .no else { return nil }
                return perform(inner)
            }
        }

        /// A flow step's condition on the evidence so far.
        private func holds(_ condition: Condition) -> Truth {
            guard let compiled = interview.stepConditions[condition] else { return .unknown }
            var evaluator = ConditionEvaluator(
                conditions: compiled, evidence: compiled.slots(of: evidence), calendar: calendar)
            return evaluator.evaluate(rule: 0)
        }

        /// Ends the interview when the most urgent level is reached.
        ///
        /// A most-urgent rule that fired on what was said ends it at once, and so does one that
        /// fired on something not known. One exception: when every such rule fired only because
        /// the reported signs have no onset yet, and knowing the onset would settle each of them
        /// (the anchors it is measured from are known), the onset question comes first. Its
        /// answer, or "I don't know", then decides; nothing else is asked before.
        private mutating func emergencyEnd() -> InterviewStep? {
            let current = assessment().outcome
            guard knowledge.rank(of: current.level) >= interview.topRank else { return nil }
            let top = current.reasons.filter { knowledge.rank(of: $0.level) >= interview.topRank }
            if top.allSatisfy({ !$0.assumptions.isEmpty }), let onset = onsetQuestionSettling(top.map(\.ruleID)) {
                if let prompt = ask(onset) { return prompt }
                return emergencyEnd()
            }
            // An onset known but on both sides of the rule's time limit: one question first.
            if top.allSatisfy({ !$0.assumptions.isEmpty }), let limit = straddle(settling: top.map(\.ruleID)) {
                if let prompt = ask(limit.straddle, question: limit.question) { return prompt }
                return emergencyEnd()
            }
            return .outcome(outcome())
        }

        /// The onset question, when not yet asked and when the onset of the reported signs alone
        /// decides every one of `rules` (each is yes or no whatever the onset, at two probes).
        private func onsetQuestionSettling(_ rules: [String]) -> String? {
            guard
                let id = knowledge.questionOrder.first(where: {
                    knowledge.questions[$0]?.type == .time && knowledge.questions[$0]?.anchor == "onset"
                }), !asked.contains(id)
            else { return nil }
            let lacking = evidence.findings.values.filter { $0.status == .present && $0.onset == nil }.map(\.id)
            guard !lacking.isEmpty else { return nil }
            let conditions = interview.triage.conditions
            var probes = [now, now.addingTimeInterval(-7 * 86_400)].map { instant in
                var probe = evidence
                for finding in lacking { probe.findings[finding]?.onset = TimeBand(instant: instant) }
                return ConditionEvaluator(
                    conditions: conditions, evidence: conditions.slots(of: probe), calendar: calendar)
            }
            for ruleID in rules {
                guard let index = interview.ruleIndex[ruleID] else { return nil }
                for probe in probes.indices {
                    probes[probe].reset()
                    if probes[probe].evaluate(rule: index) == .unknown { return nil }
                }
            }
            return id
        }

        // MARK: - Asking

        /// Applies the logged answer to question `id`, or returns the prompt when unanswered.
        mutating func ask(_ id: String) -> InterviewStep? {
            guard let question = knowledge.questions[id], !asked.contains(id) else { return nil }
            asked.insert(id)
            // A list whose every sign was already answered is not asked again.
            if question.type == .findings, !question.findings.isEmpty,
                question.findings.allSatisfy({ answered($0, key: id) })
            {
                return nil
            }
            // A time already given for the same event (setting `same-time`) is not asked again.
            if answers[id] == nil, question.type == .time, let anchor = question.anchor,
                let same = knowledge.list("same-time").lazy.compactMap({ Self.pair($0) }).first(where: {
                    $0.0 == anchor
                }),
                case .known(let band)? = evidence.anchors[same.1]
            {
                evidence.anchors[anchor] = .known(band)
                return nil
            }
            guard let answer = answers[id] else {
                var shown = prompt(for: question, key: id)
                shown.takesWords = wordsQuestion != nil
                return .question(shown)
            }
            apply(answer, to: question, key: id)
            if let next = wordsAfter(id) { return next }
            if question.type == .findings, answer == "unsure" {
                // "Not sure" to a list is asked again one sign at a time: every sign of a
                // screen, else each sign whose "not sure" alone could raise the result (the
                // others stay "not sure"; asking them could change nothing).
                let open = question.findings.filter { !answered($0, key: id) }
                let single = question.unsureOneByOne ? open : signsThatMatter(open, key: id)
                for finding in single {
                    let key = "\(id)/\(finding)"
                    guard let single = answers[key] else {
                        return .question(singlePrompt(question, finding: finding, key: key))
                    }
                    var found = FindingEvidence(id: finding, status: Self.status(single), origin: .answer(key))
                    if found.status != .absent, let span = question.onsetWithin {
                        // "Now or today" holds for a "yes", and for a "not sure" as well.
                        found.onset = TimeBand(earliest: calendar.date(subtracting: span, from: now), latest: now)
                    }
                    evidence.set(found, overriding: true)
                    // A sign confirmed ends the check at once; the items not yet asked are still
                    // "not sure" in the evidence, so they must not end it before they are asked.
                    if single == "yes", emergencyEnd() != nil {
                        // The signs not yet asked were never asked on their own: the result
                        // does not list them as "not sure" unless they still add something.
                        dropUnasked(question.findings, after: finding, key: id)
                        return emergencyEnd()
                    }
                }
            }
            return nil
        }

        /// Takes the signs of `list` after `finding` that are "not sure" only from the list's
        /// answer under `key` out of the evidence, when the level and the actions stay the same.
        private mutating func dropUnasked(_ list: [String], after finding: String, key: String) {
            guard let position = list.firstIndex(of: finding) else { return }
            let before = result(of: evidence)
            var trimmed = evidence
            for id in list[(position + 1)...] {
                guard let found = trimmed.findings[id], found.status == .unknown, found.origin == .answer(key) else {
                    continue
                }
                trimmed.findings[id] = nil
            }
            let after = result(of: trimmed)
            if after.rank == before.rank, before.actions.isSubset(of: after.actions) { evidence = trimmed }
        }

        /// The signs of `open` (answered "not sure" under `key`) whose "not sure" could raise
        /// the result on its own: with every one of them "no", the level or the actions are
        /// lower than with that one alone "not sure".
        private func signsThatMatter(_ open: [String], key: String) -> [String] {
            guard open.count > 1 else { return open }
            var baseline = evidence
            for finding in open {
                baseline.set(FindingEvidence(id: finding, status: .absent, origin: .answer(key)), overriding: true)
            }
            let floor = result(of: baseline)
            return open.filter { finding in
                var probe = baseline
                probe.set(FindingEvidence(id: finding, status: .unknown, origin: .answer(key)), overriding: true)
                let raised = result(of: probe)
                return raised.rank > floor.rank || !raised.actions.isSubset(of: floor.actions)
            }
        }

        /// What is remembered about `evidence`, this walk's or a hypothetical one.
        private func memo(of evidence: Evidence) -> EvidenceMemo {
            interview.cache.memo(of: evidence) {
                let slots = interview.triage.conditions.slots(of: evidence)
                return (slots, interview.triage.evaluate(slots, openQuestions: false, calendar: calendar))
            }
        }

        /// The rank of the level and the actions that `evidence` gives.
        private func result(of evidence: Evidence) -> (rank: Int, actions: Set<String>) {
            let outcome = memo(of: evidence).assessment.outcome
            return (knowledge.rank(of: outcome.level), Set(outcome.actions))
        }

        func prompt(for question: Question, key: String) -> Prompt {
            let kind: Prompt.Kind =
                switch question.type {
                case .findings: .pickFindings
                case .yesno: .yesNo
                case .choice, .trend: .choice
                case .number: .number
                case .time: .time
                case .text: .text
                case .boundary: .choice
                }
            var options = question.options
            if question.type == .findings {
                // A sign already answered yes or no elsewhere is not offered again.
                options = question.findings.filter { !answered($0, key: key) }.compactMap { id in
                    knowledge.findings[id].map { Option(id: id, label: $0.name) }
                }
            } else if question.type == .choice, let fact = question.fact, options.isEmpty,
                case .choice(let values) = knowledge.facts[fact]?.type
            {
                options = values.map { Option(id: $0.id, label: Wording(patient: $0.label, nurse: $0.label)) }
            }
            var text = question.ask
            // The onset question about one sign names it ("You told me about fizz. When did
            // it start?"), so the person knows which sign it means.
            if question.type == .time, question.anchor == "onset", let one = question.askOne {
                let lacking = evidence.findings.values.filter { $0.status == .present && $0.onset == nil }
                if lacking.count == 1, let name = knowledge.findings[lacking[0].id]?.name {
                    text = Self.filled(one, finding: name)
                }
            }
            return Prompt(
                key: key, questionID: question.id, kind: kind, text: text, options: options, help: question.help)
        }

        /// `a = b` as the pair (a, b).
        static func pair(_ text: String) -> (String, String)? {
            let parts = text.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }

        /// True when `finding` was already answered present or absent by something other than
        /// the question asked under `key` (the person's words, another list). A "not sure" is
        /// asked again: an answer can only make it clearer.
        func answered(_ finding: String, key: String) -> Bool {
            guard let known = evidence.findings[finding], known.status != .unknown else { return false }
            return known.origin != .answer(key)
        }

        private func singlePrompt(_ question: Question, finding: String, key: String) -> Prompt {
            let name = knowledge.findings[finding]?.name ?? Wording(patient: finding, nurse: finding)
            return Prompt(
                key: key, questionID: question.id, kind: .yesNo,
                text: Wording(patient: name.patient + "?", nurse: name.nurse + "?"), options: [],
                help: question.help)
        }

        static func status(_ answer: String) -> FindingStatus {
            switch answer {
            case "yes": .present
            case "no": .absent
            default: .unknown
            }
        }

        // MARK: - Free text

        /// Reads the person's own words, asked with question `id`: what was understood is shown
        /// back to confirm, and what could not be placed is asked about. Under `base` (words typed
        /// after another answer, already logged there) words with nothing to read are passed over.
        mutating func freeText(_ id: String, under base: String? = nil) -> InterviewStep? {
            guard let question = knowledge.questions[id] else { return nil }
            let root = base ?? id
            var round = 1
            while round <= 5 {
                let key = round == 1 ? root : "\(root)/\(round)"
                guard let text = answers[key] else {
                    return .question(prompt(for: question, key: key))
                }
                var understood = interview.understandOnce(
                    text, now: now, timeZone: timeZone, anchors: evidence.anchors, reporter: evidence.reporter,
                    ongoing: evidence.infusionOngoing)
                if base != nil, round == 1, understood.isEmpty,
                    interview.notUnderstood(text, now: now, timeZone: timeZone, reporter: evidence.reporter).isEmpty
                {
                    return nil
                }
                var typed = [text]
                var confirmRound = 1
                while true {
                    let confirmKey = "\(key)/confirm" + (confirmRound == 1 ? "" : "\(confirmRound)")
                    guard let reply = answers[confirmKey] else {
                        let unplaced = typed.flatMap {
                            interview.notUnderstood($0, now: now, timeZone: timeZone, reporter: evidence.reporter)
                        }
                        return .question(
                            confirmPrompt(
                                understood.map(\.match), unplaced: unplaced, key: confirmKey, question: question))
                    }
                    if reply == "yes" {
                        evidence.add(understood: understood)
                        evidence.noteSomeoneElse(understood.map(\.match), interview: interview)
                        evidence.applyFindingEffects(knowledge)
                        // An emergency ends the interview before anything else is asked.
                        if let end = emergencyEnd() { return end }
                        let unplaced = typed.flatMap {
                            interview.notUnderstood($0, now: now, timeZone: timeZone, reporter: evidence.reporter)
                        }
                        return unplaced.isEmpty ? nil : notUnderstood(unplaced, key: key)
                    }
                    if reply.hasPrefix("add:"), confirmRound < 5 {
                        typed.append(String(reply.dropFirst(4)))
                        understood += interview.understandOnce(
                            String(reply.dropFirst(4)), now: now, timeZone: timeZone, anchors: evidence.anchors,
                            reporter: evidence.reporter, ongoing: evidence.infusionOngoing)
                        confirmRound += 1
                        continue
                    }
                    break
                }
                round += 1
            }
            return nil
        }

        /// Words that could not be placed never end the interview by themselves: first the
        /// closest signs by wording ("Is it one of these?"), then the body areas, each leading
        /// to its checklist; "something else", or nothing chosen there, means the care team
        /// must hear the words (the `words-not-understood` fact).
        private mutating func notUnderstood(_ fragments: [String], key: String) -> InterviewStep? {
            // Shown back as typed, with nothing in it able to act on the terminal.
            let words = fragments.joined(separator: "; ").visibleControls
            let closest = interview.closestFindings(to: fragments.joined(separator: " ")).filter {
                evidence.findings[$0]?.status != .present
            }
            if !closest.isEmpty {
                let closestKey = "\(key)/closest"
                guard let answer = answers[closestKey] else {
                    let text = knowledge.texts["closest-findings"] ?? Wording(patient: "", nurse: "")
                    return .question(
                        Prompt(
                            key: closestKey, questionID: "own-words", kind: .pickFindings,
                            text: Wording(
                                patient: text.patient.replacingOccurrences(of: "{words}", with: words),
                                nurse: text.nurse.replacingOccurrences(of: "{words}", with: words)),
                            options: closest.compactMap { id in
                                knowledge.findings[id].map { Option(id: id, label: $0.name) }
                            }, help: nil))
                }
                let chosen = Set(answer.split(separator: ",").map(String.init))
                for id in closest where answer == "unsure" || chosen.contains(id) {
                    evidence.set(
                        FindingEvidence(
                            id: id, status: answer == "unsure" ? .unknown : .present, origin: .answer(closestKey)))
                }
                if !chosen.isEmpty && answer != "none" && answer != "unsure" { return nil }
            }
            guard let areaID = knowledge.notUnderstoodQuestion, let area = knowledge.questions[areaID] else {
                evidence.facts["words-not-understood"] = .bool(true)
                return nil
            }
            let areaKey = "\(key)/area"
            guard let areaAnswer = answers[areaKey] else { return .question(prompt(for: area, key: areaKey)) }
            apply(areaAnswer, to: area, key: areaKey)
            guard let list = knowledge.questions[areaAnswer], list.type == .findings else {
                // "Something else" or "not sure": only a person can place these words.
                evidence.facts["words-not-understood"] = .bool(true)
                return nil
            }
            let listKey = "\(areaKey)/\(areaAnswer)"
            guard let listAnswer = answers[listKey] else { return .question(prompt(for: list, key: listKey)) }
            apply(listAnswer, to: list, key: listKey)
            if listAnswer == "none" { evidence.facts["words-not-understood"] = .bool(true) }
            return nil
        }

        private func confirmPrompt(_ matches: [TextMatch], unplaced: [String], key: String, question: Question)
            -> Prompt
        {
            func names(
                _ status: MatchStatus?, other: Bool = false, _ audience: Audience,
                temporality: Temporality = .current
            ) -> [String] {
                var seen: Set<String> = []
                return matches.filter {
                    ($0.status == status || status == nil) && $0.aboutSomeoneElse == other
                        && ($0.temporality == temporality || other)
                }
                .compactMap { knowledge.findings[$0.findingID]?.name.text(for: audience) }
                .filter { seen.insert($0).inserted }
            }
            func summary(_ audience: Audience) -> String {
                var parts: [String] = []
                let present = names(.present, audience)
                let unsure = names(.unknown, audience)
                let absent = names(.absent, audience)
                let other = names(nil, other: true, audience)
                let past = names(nil, audience, temporality: .historical)
                let asked = names(nil, audience, temporality: .hypothetical)
                if present.isEmpty && unsure.isEmpty && absent.isEmpty && other.isEmpty && past.isEmpty
                    && asked.isEmpty
                {
                    return unplaced.isEmpty
                        ? "I did not recognise a symptom in that. Is it all right to go on?"
                        : "I could not match \"\(unplaced.joined(separator: "; ").visibleControls)\" to a sign I know. "
                            + "Is that what you meant to type?"
                }
                if !present.isEmpty { parts.append("I understood: " + present.joined(separator: ", ")) }
                if !unsure.isEmpty { parts.append("not sure: " + unsure.joined(separator: ", ")) }
                if !absent.isEmpty { parts.append("not: " + absent.joined(separator: ", ")) }
                if !past.isEmpty { parts.append("in the past, not now: " + past.joined(separator: ", ")) }
                if !asked.isEmpty { parts.append("asked about, not happening: " + asked.joined(separator: ", ")) }
                if !other.isEmpty { parts.append("about someone else: " + other.joined(separator: ", ")) }
                if !unplaced.isEmpty {
                    parts.append("I could not place: \"" + unplaced.joined(separator: "; ").visibleControls + "\"")
                }
                var hint = other.isEmpty ? "" : " " + knowledge.text("someone-else-hint", for: audience)
                if matches.contains(where: interview.isSomeoneElsesEmergency) {
                    hint = " " + knowledge.text("someone-else-emergency", for: audience) + hint
                }
                let sentence = parts.joined(separator: "; ")
                return sentence.prefix(1).uppercased() + sentence.dropFirst() + ". Is that right?" + hint
            }
            return Prompt(
                key: key, questionID: question.id, kind: .confirm,
                text: Wording(patient: summary(.patient), nurse: summary(.nurse)), options: [],
                help: nil)
        }
    }
}

/// The memo of the walk's current evidence, kept in a box so non-mutating code can fill it.
final class AssessmentMemo {
    var version = -1
    var value: EvidenceMemo?
}
