import AECheckLanguage
/// A `TerminalIO` that types a transcript's lines and records the screen a person would see.
///
/// Each typed line is put on the screen where the program read it: after its pending `> `
/// prompt, as it stands in the transcript. At end of input a pending `> ` prompt is dropped,
/// and what the program prints then follows. Standard error goes to the same screen, in place.
final class ScriptedIO: TerminalIO {
    private let inputs: [TranscriptInput]
    /// How many typed lines the program has read.
    private(set) var consumed = 0
    /// True once the program asked for a line after the last one.
    private(set) var reachedEnd = false
    /// The screen so far.
    private(set) var screen = ""
    /// The rules that fired in the outcomes shown (what `# covers:` and `# near-miss:` check).
    private(set) var firedRules: Set<String> = []

    init(inputs: [TranscriptInput]) {
        self.inputs = inputs
    }

    /// The first typed line the program never read, if any.
    var leftover: TranscriptInput? { consumed < inputs.count ? inputs[consumed] : nil }

    func readLine() -> String? {
        let prompted = dropPendingPrompt()
        guard consumed < inputs.count else {
            reachedEnd = true
            return nil
        }
        let input = inputs[consumed]
        consumed += 1
        if !prompted && !screen.isEmpty && !screen.hasSuffix("\n") { screen += "\n" }
        screen += input.screenLine + "\n"
        return LineReader.decode(input.bytes)
    }

    func write(_ text: String) { screen += text }

    func noteOutcome(_ outcome: Outcome) { firedRules.formUnion(outcome.reasons.map(\.ruleID)) }

    func writeError(_ text: String) { screen += text }

    var colour: Bool { false }

    func flush() {}

    /// Removes a `> ` prompt that stands alone at the end of the screen; true if there was one.
    private func dropPendingPrompt() -> Bool {
        guard screen == "> " || screen.hasSuffix("\n> ") else { return false }
        screen.removeLast(2)
        return true
    }
}
