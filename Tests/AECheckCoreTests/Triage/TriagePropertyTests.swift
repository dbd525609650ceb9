import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Properties of triage over thousands of random evidence sets from a seeded generator.
///
/// Each case prints its seed on failure; rerun one case with `RandomEvidence(seed:)`.
struct TriagePropertyTests {
    typealias S = InterviewTestSupport

    static let cases = 1_000

    /// Random evidence built from the real knowledge: findings, onsets, trends, facts, anchors.
    struct RandomEvidence {
        let seed: UInt64
        var generator: SeededGenerator

        init(seed: UInt64) {
            self.seed = seed
            generator = SeededGenerator(seed: seed)
        }

        static let findingIDs = S.knowledge.findings.keys.sorted()
        static let factIDs = S.knowledge.facts.keys.sorted()
        static let anchorIDs = ["infusion-start", "infusion-end", "last-infusion", "stopped-treatment"]
        /// Offsets back from now that sit near the knowledge's boundaries (seconds).
        static let offsets: [Double] = [
            0, 600, 3_000, 6_900, 7_200, 7_500, 10_800, 86_400, 172_800, 259_200, 604_800, 1_814_400, 2_419_200,
            2_592_000, 7_776_000, 15_552_000, 31_536_000,
        ]

        mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

        mutating func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }

        mutating func band() -> TimeBand {
            let a = S.now - pick(Self.offsets)
            return chance(70) ? TimeBand(instant: a) : TimeBand(earliest: a, latest: S.now - pick(Self.offsets))
        }

        mutating func finding(_ id: String, status: FindingStatus) -> FindingEvidence {
            FindingEvidence(
                id: id, status: status, onset: chance(60) ? band() : nil,
                trend: chance(60) ? pick(Trend.allCases) : nil)
        }

        mutating func evidence() -> Evidence {
            var evidence = Evidence(now: S.now, timeZone: S.timeZone)
            let count = Int(generator.next() % 6)
            for _ in 0..<count {
                let id = pick(Self.findingIDs)
                evidence.findings[id] = finding(id, status: pick([.present, .present, .absent, .unknown]))
            }
            for id in Self.factIDs where chance(25) {
                guard let fact = S.knowledge.facts[id] else { continue }
                if chance(15) {
                    evidence.facts[id] = .unsure
                    continue
                }
                switch fact.type {
                case .yesNo: evidence.facts[id] = .bool(chance(50))
                case .choice(let values): evidence.facts[id] = .choice(pick(values.map(\.id)))
                case .number(let low, let high, _):
                    let range = (low ?? 0)...(high ?? 120)
                    evidence.facts[id] = .number(Double(Int(range.lowerBound) + Int(generator.next() % 40)))
                    if case .number(let value) = evidence.facts[id], !range.contains(value) {
                        evidence.facts[id] = .number(range.upperBound)
                    }
                }
            }
            for id in Self.anchorIDs where chance(40) {
                evidence.anchors[id] = chance(15) ? .unsure : .known(band())
            }
            return evidence
        }
    }

    static func explain(_ evidence: Evidence) -> String {
        S.describe(evidence)
    }

    static func fired(_ outcome: Outcome) -> String {
        outcome.reasons.map { "\($0.ruleID)(\($0.level))" }.joined(separator: ", ")
    }

    @Test func addingAPresentFindingNeverLowers() {
        var failures: [String] = []
        for index in 0..<Self.cases {
            let seed = UInt64(index) &* 7_919 &+ 1
            var random = RandomEvidence(seed: seed)
            let evidence = random.evidence()
            let before = S.triage.assess(evidence)
            let id = random.pick(RandomEvidence.findingIDs)
            guard evidence.findings[id] == nil else { continue }
            var after = evidence
            after.findings[id] = random.finding(id, status: .present)
            let outcome = S.triage.assess(after)
            if S.rank(outcome.level) < S.rank(before.level) {
                failures.append(
                    "seed \(seed): adding \(S.describe(Evidence(now: S.now, timeZone: S.timeZone, findings: [id: after.findings[id]!]))) "
                        + "to [\(Self.explain(evidence))] lowers \(before.level) [\(Self.fired(before))] "
                        + "to \(outcome.level) [\(Self.fired(outcome))]")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// A heat flare (Uhthoff) reported beside a nerve or brain sign never gives a lower level
    /// than the sign alone, for every sign of the heat-flare rule, onset and course; and the
    /// flare's "not a new problem" never stands beside the rules for new or worsening signs.
    @Test func heatFlareNeverLowersTheSignAlone() throws {
        let rule = try #require(S.knowledge.rules.first { $0.id == "heat-flare" })
        let signs = rule.condition.findingIDs.filter { $0 != "heat-worsening" }
        #expect(!signs.isEmpty)
        let onsets: [Double?] = [nil, 3_600, 86_400 * 3, 86_400 * 80, 86_400 * 100, 86_400 * 800]
        var failures: [String] = []
        for sign in Set(signs).sorted() {
            for onset in onsets {
                for trend in [nil] + Trend.allCases {
                    for months in [nil, 30.0] {
                        var evidence = Evidence(now: S.now, timeZone: S.timeZone)
                        evidence.findings[sign] = FindingEvidence(
                            id: sign, status: .present, onset: onset.map { TimeBand(instant: S.now - $0) },
                            trend: trend)
                        if let months { evidence.facts["treatment-months"] = .number(months) }
                        let alone = S.triage.assess(evidence)
                        evidence.findings["heat-worsening"] = FindingEvidence(id: "heat-worsening", status: .present)
                        let flare = S.triage.assess(evidence)
                        let fired = Set(flare.reasons.map(\.ruleID))
                        if S.rank(flare.level) < S.rank(alone.level)
                            || (fired.contains("heat-flare") && !fired.isDisjoint(with: ["neuro-new", "neuro-worse"]))
                        {
                            failures.append(
                                "\(S.describe(evidence)): \(alone.level) [\(Self.fired(alone))] -> \(flare.level) "
                                    + "[\(Self.fired(flare))]")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test(arguments: [FindingStatus.unknown, .absent])
    func turningIntoPresentNeverLowers(from status: FindingStatus) {
        var failures: [String] = []
        var changed = 0
        for index in 0..<Self.cases {
            let seed = UInt64(index) &* 104_729 &+ 3
            var random = RandomEvidence(seed: seed)
            var evidence = random.evidence()
            let id = random.pick(RandomEvidence.findingIDs)
            if evidence.findings[id] == nil { evidence.findings[id] = random.finding(id, status: status) }
            guard evidence.findings[id]?.status == status else { continue }
            let before = S.triage.assess(evidence)
            var after = evidence
            after.findings[id]?.status = .present
            changed += 1
            let outcome = S.triage.assess(after)
            if S.rank(outcome.level) < S.rank(before.level) {
                failures.append(
                    "seed \(seed): \(id) \(status.rawValue) -> present in [\(Self.explain(evidence))] lowers "
                        + "\(before.level) [\(Self.fired(before))] to \(outcome.level) [\(Self.fired(outcome))]")
            }
        }
        #expect(changed > Self.cases / 2)
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test func absentToUnknownNeverLowers() {
        var failures: [String] = []
        for index in 0..<Self.cases {
            let seed = UInt64(index) &* 15_485_863 &+ 5
            var random = RandomEvidence(seed: seed)
            var evidence = random.evidence()
            let id = random.pick(RandomEvidence.findingIDs)
            evidence.findings[id] = random.finding(id, status: .absent)
            var after = evidence
            after.findings[id]?.status = .unknown
            let before = S.triage.assess(evidence)
            let outcome = S.triage.assess(after)
            if S.rank(outcome.level) < S.rank(before.level) {
                failures.append(
                    "seed \(seed): \(id) absent -> unknown in [\(Self.explain(evidence))] lowers "
                        + "\(before.level) [\(Self.fired(before))] to \(outcome.level) [\(Self.fired(outcome))]")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test func sameEvidenceSameOutcome() {
        for index in 0..<Self.cases {
            let seed = UInt64(index) &+ 99
            var random = RandomEvidence(seed: seed)
            let evidence = random.evidence()
            let first = S.triage.assess(evidence)
            let second = Triage(knowledge: S.knowledge).assess(evidence)
            #expect(first == second, "seed \(seed): [\(Self.explain(evidence))]")
            if first != second { return }
        }
    }

    /// A yes/no fact answered yes instead of no never lowers the level, except where a rule
    /// tests the fact under `not` (then "yes" is the reassuring answer). Those facts are listed
    /// so a new one is noticed.
    @Test func yesNoFactsAreMonotoneExceptNegated() {
        var offenders: [String: String] = [:]
        let yesNo = RandomEvidence.factIDs.filter { S.knowledge.facts[$0]?.type == .yesNo }
        for index in 0..<Self.cases {
            let seed = UInt64(index) &* 31 &+ 11
            var random = RandomEvidence(seed: seed)
            var evidence = random.evidence()
            let id = random.pick(yesNo)
            evidence.facts[id] = .bool(false)
            var after = evidence
            after.facts[id] = .bool(true)
            let before = S.triage.assess(evidence)
            let outcome = S.triage.assess(after)
            if S.rank(outcome.level) < S.rank(before.level), offenders[id] == nil {
                offenders[id] =
                    "seed \(seed): \(id) no -> yes in [\(Self.explain(evidence))] lowers \(before.level) "
                    + "[\(Self.fired(before))] to \(outcome.level) [\(Self.fired(outcome))]"
            }
        }
        for line in offenders.values.sorted() { print("knowledge: \(line)") }
        #expect(Set(offenders.keys).isSubset(of: ["crohns-improved"]), "\(offenders)")
    }

    /// "Not sure" about a fact never gives a lower level than both definite answers.
    @Test func unsureFactNeverBelowBothAnswers() {
        var failures: [String] = []
        let facts = RandomEvidence.factIDs
        for index in 0..<Self.cases {
            let seed = UInt64(index) &* 613 &+ 17
            var random = RandomEvidence(seed: seed)
            var evidence = random.evidence()
            let id = random.pick(facts)
            guard let type = S.knowledge.facts[id]?.type else { continue }
            let values: [FactValue] =
                switch type {
                case .yesNo: [.bool(true), .bool(false)]
                case .choice(let options): options.map { .choice($0.id) }
                case .number:
                    S.knowledge.rules.flatMap { S.thresholds(of: id, in: $0.condition) }
                        .flatMap { [FactValue.number($0 - 1), .number($0), .number($0 + 1)] }
                }
            guard !values.isEmpty else { continue }
            let lowest = values.map { value -> Int in
                evidence.facts[id] = value
                return S.rank(S.triage.assess(evidence).level)
            }.min()!
            evidence.facts[id] = .unsure
            let unsure = S.triage.assess(evidence)
            if S.rank(unsure.level) < lowest {
                failures.append("seed \(seed): \(id) unsure gives \(unsure.level) in [\(Self.explain(evidence))]")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }
}
