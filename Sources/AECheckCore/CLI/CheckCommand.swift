/// `aecheck check`: the interactive symptom check.
enum CheckCommand {
    static func run(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO) -> Int32 {
        io.writeError("aecheck: the interactive check is not built yet\n")
        return 2
    }
}
