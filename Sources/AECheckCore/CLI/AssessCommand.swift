/// `aecheck assess`: one-shot triage of an evidence document.
enum AssessCommand {
    static func run(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO) -> Int32 {
        io.writeError("aecheck: assess is not built yet\n")
        return 2
    }
}
