import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Walks every path through the structured questions of the `check` flow.
///
/// At each question the walk branches over every answer in normal form (bounded: single
/// options, all options together, none and not sure). States that reach the same evidence
/// with the same questions asked share their subtree (memoised), so the walk counts paths
/// without re-walking them.
struct InterviewPathTests {
    typealias S = InterviewTestSupport

    static let texts = [
        "", "I have hives and a headache", "my vision is blurry and getting worse", "no symptoms", "yellow eyes",
    ]
    static let offsets: [Double] = [1_800, 6_900, 7_500, 259_200, 3_024_000]
    static let times: [String] = offsets.map { S.ago($0) }

    /// Answers up to this many are branched over in full; then over a reduced set.
    static let fullDepth = 5
    /// Answers from here on take the least alarming answer only (bounds the tree).
    static let reducedDepth = 5

    /// Every answer the walk tries at a prompt.
    static func answers(_ prompt: Prompt, log: [LoggedAnswer]) -> [String] {
        if log.count >= reducedDepth { return [S.lowestAnswer(prompt)] }
        let full = log.count < fullDepth
        switch prompt.kind {
        case .pickFindings:
            let ids = prompt.options.map(\.id)
            let all = ids.count > 1 ? [ids.joined(separator: ",")] : []
            return ["none", "unsure"] + (full ? ids : [ids[0]]) + all
        case .yesNo: return ["yes", "no", "unsure"]
        case .choice:
            let ids = prompt.options.map(\.id) + ["unsure"]
            return Array(Set(full ? ids : [ids[0], ids[ids.count - 2], "unsure"])).sorted()
        case .number:
            let values = S.numberAnswers(prompt)
            return (full ? values : [values[0], values[values.count - 1]]) + ["unsure"]
        case .time:
            return (full ? times : [times[1], times[3]]) + ["unknown"] + prompt.options.map(\.id)
        case .text: return prompt.key.contains("/") ? [texts[3]] : texts
        case .confirm:
            // "No, let me type it again" once: after the first text, for one infusion time.
            let once = log.count == 3 && log[1].answer == times[0] && log[2].answer == texts[1]
            return once ? ["yes", "no"] : ["yes"]
        }
    }

    /// One walk, shared by the tests that look at its paths.
    static let shared: Walker = {
        let walker = Walker()
        let start = Date()
        walker.paths = walker.walk([])
        walker.seconds = Date().timeIntervalSince(start)
        return walker
    }()

    final class Walker: @unchecked Sendable {
        var paths = 0
        var seconds = 0.0
        var memo: [String: Int] = [:]
        var failures: [String] = []
        var states = 0
        var outcomes: [String: Int] = [:]
        /// Complete logs kept for the monotonicity check (one per memoised leaf).
        var leaves: [[LoggedAnswer]] = []

        /// The number of complete paths below `log`.
        func walk(_ log: [LoggedAnswer]) -> Int {
            let (step, evidence) = S.interview.step(log: log, now: S.now, timeZone: S.timeZone)
            let asked = Set(log.map { $0.key.split(separator: "/").first.map(String.init) ?? $0.key }).sorted()
            // Free text counts only once confirmed, so pending text answers are part of the state.
            let texts = log.filter { entry in
                entry.key.contains("/confirm")
                    || entry.key.split(separator: "/").first.map(String.init)
                        .flatMap { S.knowledge.questions[$0]?.type } == .text
            }
            let memoKey =
                "\(log.count)|" + asked.joined(separator: ",") + "|" + texts.map { "\($0.key)=\($0.answer)" }.joined()
                + "|" + S.describe(evidence)
            if let known = memo[memoKey] { return known }
            states += 1
            let paths = explore(log, step: step, evidence: evidence)
            memo[memoKey] = paths
            return paths
        }

        private func explore(_ log: [LoggedAnswer], step: InterviewStep, evidence: Evidence) -> Int {
            let trail = log.map { "\($0.key)=\($0.answer.prefix(40))" }.joined(separator: " ")
            guard log.count < 40 else {
                failures.append("no outcome after 40 answers: \(trail)")
                return 1
            }
            let current = S.triage.assess(evidence)
            let emergencyPresent = evidence.findings.values.contains {
                $0.status == .present && S.emergencyFindings.contains($0.id)
            }
            switch step {
            case .outcome(let outcome):
                outcomes[outcome.level, default: 0] += 1
                leaves.append(log)
                if emergencyPresent && S.rank(outcome.level) < S.topRank {
                    failures.append("emergency finding but \(outcome.level): \(trail)")
                }
                if S.rank(outcome.level) < S.rank(current.level) {
                    failures.append("outcome \(outcome.level) below assessment \(current.level): \(trail)")
                }
                return 1
            case .question(let prompt):
                if log.contains(where: { $0.key == prompt.key }) {
                    failures.append("prompt \(prompt.key) asked twice: \(trail)")
                    return 1
                }
                let surely = current.reasons.contains { S.rank($0.level) >= S.topRank && $0.assumptions.isEmpty }
                if emergencyPresent || surely {
                    failures.append("question \(prompt.key) asked after emergency: \(trail)")
                    return 1
                }
                return InterviewPathTests.answers(prompt, log: log).reduce(0) { total, answer in
                    total + walk(log + [LoggedAnswer(key: prompt.key, answer: answer)])
                }
            }
        }
    }

    @Test func everyPathEndsSafely() {
        let walker = Self.shared
        let paths = walker.paths
        let seconds = walker.seconds
        print(
            "interview path walk: \(paths) paths, \(walker.states) distinct states, "
                + "outcomes by level at leaves \(walker.outcomes.sorted { $0.key < $1.key }), "
                + String(format: "%.1fs", seconds))
        #expect(walker.failures.isEmpty, "\(walker.failures.prefix(10).joined(separator: "\n"))")
        #expect(paths > 120)
        for level in S.knowledge.levels.keys {
            #expect(walker.outcomes[level, default: 0] > 0, "no path ends in \(level)")
        }
    }

    /// Changing one answer from "no"/"none" to "yes"/an option never lowers the final level;
    /// the rest of the conversation keeps its answers where the same prompt comes again and
    /// gives the least alarming answer to new prompts.
    @Test func answeringYesNeverLowers() {
        let walker = Self.shared
        var generator = SeededGenerator(seed: 2026)
        var checked = 0
        var failures: [String] = []
        for _ in 0..<Self.monotonicitySamples {
            let log = walker.leaves[Int(generator.next() % UInt64(walker.leaves.count))]
            let lowAnswers = log.indices.filter { log[$0].answer == "no" || log[$0].answer == "none" }
            guard !lowAnswers.isEmpty,
                case .outcome(let base) = S.interview.next(log: log, now: S.now, timeZone: S.timeZone)
            else { continue }
            let index = lowAnswers[Int(generator.next() % UInt64(lowAnswers.count))]
            let entry = log[index]
            guard
                case .question(let prompt) = S.interview.next(
                    log: Array(log[..<index]), now: S.now, timeZone: S.timeZone)
            else { continue }
            let raised: [String] =
                switch prompt.kind {
                case .yesNo: ["yes"]
                case .pickFindings: prompt.options.map(\.id)
                default: []
                }
            guard !raised.isEmpty else { continue }
            let answer = raised[Int(generator.next() % UInt64(raised.count))]
            var rest = Dictionary(log.map { ($0.key, $0.answer) }, uniquingKeysWith: { a, _ in a })
            rest[entry.key] = answer
            let changed = S.run(rest, fallback: S.lowestAnswer)
            checked += 1
            guard let outcome = changed.outcome else {
                failures.append("no outcome after changing \(entry.key) to \(answer)")
                continue
            }
            if S.rank(outcome.level) < S.rank(base.level) && !Self.reversePolarity.contains(prompt.questionID) {
                failures.append(
                    "\(entry.key): \(entry.answer) -> \(answer) lowers \(base.level) to \(outcome.level); path "
                        + log.map { "\($0.key)=\($0.answer.prefix(30))" }.joined(separator: " "))
            }
        }
        print("answer monotonicity: \(checked) changed conversations")
        #expect(checked > 30)
        #expect(failures.isEmpty, "\(failures.prefix(8).joined(separator: "\n"))")
    }

    static let monotonicitySamples = 80

    /// Questions where "yes" is the reassuring answer: a rule tests their fact under `not`.
    static let reversePolarity: Set<String> = {
        func negated(_ condition: Condition, inside: Bool) -> [String] {
            switch condition {
            case .factIsYes(let id), .fact(let id, _, _): inside ? [id] : []
            case .all(let items), .any(let items), .atLeast(_, let items):
                items.flatMap { negated($0, inside: inside) }
            case .not(let inner): negated(inner, inside: !inside)
            default: []
            }
        }
        let facts = Set(S.knowledge.rules.flatMap { negated($0.condition, inside: false) })
        return Set(S.knowledge.questions.values.filter { $0.fact.map(facts.contains) ?? false }.map(\.id))
    }()
}
