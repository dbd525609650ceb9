import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The nurse pre-infusion checklist: every hold reason holds, a clean checklist proceeds,
/// "not sure" never lets an infusion go ahead, and the monitoring reminders follow the answers.
struct IntakeDecisionTests {
    typealias Support = InterviewTestSupport
    static let intake = Interview(knowledge: Support.knowledge, flow: "intake")

    /// A clean checklist for an adult with MS on infusion 20: nothing holds.
    static let clean: [String: String] = [
        "emergency-screen": "none", "indication": "ms", "next-infusion-number": "20",
        "last-infusion": Support.ago(28 * 86_400), "earlier-reaction": "no", "pregnant": "no", "breastfeeding": "no",
        "age": "40", "treatment-months": "18", "jcv-antibody": "negative", "prior-immunosuppressant": "no",
        "antibody-test": Support.ago(4 * 7 * 86_400),
    ]

    /// Runs the checklist with `answers` over the clean ones; unlisted findings questions get "none".
    static func run(_ answers: [String: String]) -> (outcome: Outcome?, asked: [String]) {
        let merged = clean.merging(answers) { _, new in new }
        let result = run(merged, interview: intake)
        return (result.outcome, result.log.map(\.key))
    }

    static func run(_ answers: [String: String], interview: Interview) -> (log: [LoggedAnswer], outcome: Outcome?) {
        var log: [LoggedAnswer] = []
        for _ in 0..<80 {
            switch interview.next(log: log, now: Support.now, timeZone: Support.timeZone) {
            case .outcome(let outcome): return (log, outcome)
            case .question(let prompt):
                log.append(LoggedAnswer(key: prompt.key, answer: answers[prompt.key] ?? Support.lowestAnswer(prompt)))
            }
        }
        return (log, nil)
    }

    @Test("a clean checklist proceeds, with the standing reminders only")
    func cleanProceeds() throws {
        let (outcome, asked) = Self.run([:])
        let decision = try #require(outcome?.decision)
        #expect(decision.verdict == Decision.proceed)
        #expect(decision.holdReasons.isEmpty)
        #expect(decision.notes.map(\.ruleID) == ["jcv-retest"])
        // Crohn's items are not asked for MS.
        #expect(!asked.contains("crohns-improved") && !asked.contains("steroid-months"))
    }

    /// Each hold reason of the checklist, with the rule that must hold the infusion.
    static let holdCases: [(String, [String: String], String)] = [
        ("previous PML", ["contraindications": "prior-pml"], "contraindication-pml"),
        (
            "drug or murine hypersensitivity", ["contraindications": "drug-hypersensitivity"],
            "contraindication-hypersensitivity"
        ),
        ("immunocompromised", ["contraindications": "immunocompromised"], "contraindication-immunocompromised"),
        ("immunosuppressant now", ["contraindications": "immunosuppressive-therapy"], "immunosuppressive-therapy"),
        ("reaction at an earlier infusion", ["earlier-reaction": "yes"], "earlier-reaction"),
        ("pregnant", ["pregnant": "yes"], "pregnant"),
        ("breastfeeding", ["breastfeeding": "yes"], "breastfeeding"),
        ("under 18", ["age": "16"], "under-18"),
        ("known liver disease", ["liver-history": "liver-disease"], "liver-disease"),
        ("abnormal liver tests", ["liver-history": "abnormal-liver-test"], "abnormal-liver-test"),
        ("jaundice now", ["liver-signs": "yellow-skin-eyes"], "liver-signs"),
        ("fever now", ["infection-signs": "fever"], "fever"),
        (
            "new neurological problem", ["neuro-signs": "weakness", "symptom-onset": Support.ago(3 * 86_400)],
            "neuro-new"
        ),
        ("bruising or bleeding", ["bleeding-signs": "easy-bruising"], "bleeding-signs"),
        ("eye pain or redness", ["eye-signs": "eye-pain-redness"], "eye-warning"),
        (
            "Crohn's without benefit at 13 weeks",
            [
                "indication": "crohns", "next-infusion-number": "3", "treatment-start": Support.ago(13 * 7 * 86_400),
                "crohns-improved": "no", "treatment-months": "3",
            ],
            "crohns-no-improvement"
        ),
        (
            "Crohn's on steroids for 7 months",
            ["indication": "crohns", "crohns-improved": "yes", "steroid-months": "7"], "crohns-steroids"
        ),
        (
            "Crohn's with 4 months of extra steroids",
            ["indication": "crohns", "crohns-improved": "yes", "extra-steroid-months": "4"], "crohns-extra-steroids"
        ),
        ("emergency sign at the screen", ["emergency-screen": "breathing-trouble"], "emergency-airway"),
    ]

    @Test("every hold reason holds the infusion, and names its rule", arguments: holdCases)
    func holds(_ name: String, answers: [String: String], rule: String) throws {
        let outcome = try #require(Self.run(answers).outcome, "\(name): the checklist did not end")
        let decision = try #require(outcome.decision)
        #expect(decision.verdict == Decision.hold, "\(name)")
        #expect(decision.holdReasons.map(\.ruleID).contains(rule), "\(name): \(decision.holdReasons.map(\.ruleID))")
        #expect(!decision.holdReasons.flatMap(\.citations).isEmpty)
    }

    /// Near misses on the Crohn's and age boundaries: these proceed.
    static let proceedCases: [(String, [String: String])] = [
        (
            "Crohn's at 11 weeks, infusion 3",
            [
                "indication": "crohns", "next-infusion-number": "3", "treatment-start": Support.ago(11 * 7 * 86_400),
                "crohns-improved": "no", "treatment-months": "2",
            ]
        ),
        (
            "Crohn's on steroids for 5 months",
            ["indication": "crohns", "crohns-improved": "yes", "steroid-months": "5"]
        ),
        ("age 18", ["age": "18"]),
        ("last infusion 27 days ago", ["last-infusion": Support.ago(27 * 86_400)]),
    ]

    @Test("near misses of the hold reasons proceed", arguments: proceedCases)
    func proceeds(_ name: String, answers: [String: String]) throws {
        let decision = try #require(Self.run(answers).outcome?.decision)
        #expect(decision.verdict == Decision.proceed, "\(name): \(decision.holdReasons.map(\.ruleID))")
    }

    @Test("'not sure' on any hold question holds, and says what was assumed")
    func unsureHolds() throws {
        for key in ["contraindications", "earlier-reaction", "pregnant", "breastfeeding", "liver-history"] {
            let decision = try #require(Self.run([key: "unsure"]).outcome?.decision)
            #expect(decision.verdict == Decision.hold, "\(key)")
            #expect(decision.holdReasons.contains { !$0.assumptions.isEmpty }, "\(key)")
        }
    }

    @Test("observation and monitoring reminders follow the answers")
    func notes() throws {
        let first = try #require(Self.run(["next-infusion-number": "12"]).outcome?.decision)
        #expect(first.notes.map(\.ruleID).contains("observe-first-12"))
        let later = try #require(Self.run(["next-infusion-number": "13"]).outcome?.decision)
        #expect(!later.notes.map(\.ruleID).contains("observe-first-12"))
        let risk = try #require(Self.run(["treatment-months": "25"]).outcome?.decision)
        #expect(risk.notes.map(\.ruleID).contains("pml-risk-monitoring"))
        let lowRisk = try #require(Self.run(["treatment-months": "23"]).outcome?.decision)
        #expect(!lowRisk.notes.map(\.ruleID).contains("pml-risk-monitoring"))
        let due = try #require(Self.run(["antibody-test": "unknown"]).outcome?.decision)
        #expect(due.notes.map(\.ruleID).contains("antibody-test-due"))
        // Notes never change the level or the decision.
        #expect(due.verdict == Decision.proceed)
    }

    @Test("notes never count towards the triage level of the patient check")
    func notesStayOutOfTriage() {
        let notes = Set(Support.knowledge.rules.filter { $0.decision == Decision.note }.map(\.id))
        #expect(!notes.isEmpty)
        var evidence = Evidence(now: Support.now, timeZone: Support.timeZone)
        evidence.facts["next-infusion-number"] = .number(2)
        evidence.facts["jcv-antibody"] = .choice("positive")
        let outcome = Support.triage.assess(evidence)
        #expect(outcome.reasons.allSatisfy { !notes.contains($0.ruleID) })
    }

    @Test("answering yes instead of no never turns a hold into proceed")
    func monotone() throws {
        let yesNo = ["earlier-reaction", "pregnant", "breastfeeding", "prior-immunosuppressant"]
        for key in yesNo {
            let no = try #require(Self.run([key: "no"]).outcome)
            let yes = try #require(Self.run([key: "yes"]).outcome)
            #expect(Support.rank(yes.level) >= Support.rank(no.level), "\(key)")
            if no.decision?.holds == true { #expect(yes.decision?.holds == true, "\(key)") }
        }
    }
}
