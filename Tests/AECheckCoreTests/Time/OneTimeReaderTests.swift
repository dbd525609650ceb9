import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// One time reader: the same words give the same band as an interview answer, as an `assess`
/// time field and as the time of a symptom in free text, and every band read is in the past.
@Suite("One time reader for answers, assess and free text")
struct OneTimeReaderTests {
    static let knowledge = InterviewTestSupport.knowledge
    static let interview = Interview(knowledge: knowledge)
    static let now = "2026-11-18T09:30:00Z"
    static let nowDate = ISO8601DateFormatter().date(from: now)!
    static let utc = TimeZone(identifier: "UTC")!

    static let phrases = [
        "2 hours ago", "yesterday 10am", "3 days ago at 10am", "half 8 this morning", "last Tuesday",
        "a fortnight ago", "13 Nov", "13/11/2026", "over a year ago", "about 40 minutes ago", "yesturday",
        "this morning", "last week", "10ish", "since 2021",
    ]

    /// The band logged for the infusion-start answer, or nil when it was asked again.
    static func answered(_ phrase: String) -> TimeBand? {
        let clock = nowDate
        var session = Session(
            interview: interview, renderer: Renderer(knowledge: knowledge, audience: .patient, colour: false),
            timeZone: utc, clock: { clock })
        _ = session.start(answered: [LoggedAnswer(key: "reporter", answer: "self")])
        _ = session.handle("none")
        _ = session.handle(phrase)
        guard let answer = session.log.last(where: { $0.key == "infusion-start" })?.answer else { return nil }
        return TimeBand(isoRange: String(answer.prefix { $0 != "|" }))
    }

    /// The band `assess` reads in `context.infusionStart`, or nil when it refuses it.
    static func assessed(_ phrase: String) -> TimeBand? {
        let document = #"{"now": "\#(now)", "context": {"infusionStart": "\#(phrase)"}}"#
        guard case .success(let evidence) = EvidenceDocument.parse(Data(document.utf8), interview: interview),
            case .known(let band) = evidence.anchors["infusion-start"]
        else { return nil }
        return band
    }

    /// The onset of a rash that started at the words, read in free text.
    static func inText(_ phrase: String) -> TimeBand? {
        interview.understand("I have a rash since \(phrase)", now: nowDate, timeZone: utc)
            .first { $0.match.findingID == "rash" }?.onset
    }

    @Test("the same words give the same band through all three paths, and it is in the past", arguments: phrases)
    func sameBand(phrase: String) {
        let answer = Self.answered(phrase)
        let document = Self.assessed(phrase)
        #expect(answer != nil, "the interview did not read '\(phrase)'")
        #expect(
            answer == document,
            "'\(phrase)': answer \(String(describing: answer)), assess \(String(describing: document))")
        if let text = Self.inText(phrase) { #expect(text == answer, "'\(phrase)' in free text: \(text)") }
        if let answer { #expect(answer.latest <= Self.nowDate) }
    }
}
