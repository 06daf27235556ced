package dev.mlsandbox.cli.labs;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabParameter;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds {@code bin/sandbox lab <name>} from a catalog: one subcommand per lab, whose options are
 * the lab's parameters ({@code trainRatio} as {@code --train-ratio}, a boolean as
 * {@code --[no-]sweeps}), described by their {@code @Parameter} docs and defaults, plus
 * {@code --rows} for the parameter the lab's descriptor names, and the run options. The
 * descriptor's cost note is the help's footer. Nothing here names a lab.
 */
public final class LabCommands {

    /** Help text wraps here: picocli's default usage width. */
    private static final int WIDTH = 80;

    private LabCommands() {
    }

    public static void addTo(CommandLine lab, List<LabDescriptor<?, ?>> labs) {
        for (LabDescriptor<?, ?> descriptor : labs) {
            lab.addSubcommand(descriptor.name(), command(descriptor));
        }
    }

    static CommandLine command(LabDescriptor<?, ?> descriptor) {
        LabRunCommand command = new LabRunCommand(descriptor);
        CommandLine cli = new CommandLine(command);
        CommandSpec spec = cli.getCommandSpec();
        spec.name(descriptor.name());
        spec.usageMessage().description(descriptor.summary()).abbreviateSynopsis(true).sortOptions(false);
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1")
                .heading("Parameters of the " + descriptor.name() + " lab:%n");
        for (LabParameter p : descriptor.parameters()) {
            OptionSpec option = option(p, descriptor.rowsParameter().filter(p.name()::equals).isPresent());
            group.addArg(option);
            command.parameterOption(option, p.name());
        }
        spec.addArgGroup(group.build());
        parametersFirst(cli);
        if (!descriptor.cost().isBlank()) {
            List<String> footer = new ArrayList<>(List.of(""));
            wrap(descriptor.cost()).forEach(line -> footer.add(literal(line)));
            spec.usageMessage().footer(footer.toArray(String[]::new));
        }
        return cli;
    }

    /** The lab's parameters before the run options (picocli lists ungrouped options first). */
    private static void parametersFirst(CommandLine cli) {
        String parameters = "labParameters";
        var sections = cli.getCommandSpec().usageMessage().sectionMap();
        sections.put(parameters, help -> help.optionListGroupSections());
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> help.optionListExcludingGroups(help.commandSpec().options().stream().filter(o -> o.group() == null).toList()));
        List<String> keys = new ArrayList<>(cli.getCommandSpec().usageMessage().sectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING), parameters);
        cli.getCommandSpec().usageMessage().sectionKeys(keys).optionListHeading("%nRun options:%n");
    }

    private static OptionSpec option(LabParameter p, boolean rows) {
        List<String> names = new ArrayList<>(List.of(p.option()));
        if (rows && !p.option().equals("--rows")) {
            names.add(0, "--rows");
        }
        String doc = literal(p.doc() + " (default: " + p.defaultValue() + ")");
        OptionSpec.Builder option = OptionSpec.builder(names.toArray(String[]::new)).description(doc);
        // No picocli default: a parameter the user does not give is left to the lab's own default,
        // and a negatable flag without one reads --x as true and --no-x as false.
        return p.flag() ? option.negatable(true).type(boolean.class).build()
                : option.paramLabel(p.label()).type(String.class).build();
    }

    /** Help text is a format string to picocli: a lab's "70 % train" must not read as a conversion. */
    private static String literal(String text) {
        return text.replace("%", "%%");
    }

    /** Lines of at most {@link #WIDTH} characters, broken between words. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
