package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTablesAndDescribe {
    @Test
    void tablesListsEveryTableOfTheOutput() {
        CliRun run = CliRun.of("tables", SmallOutput.out().toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().replaceAll("\\s", "")).contains("{\"name\":\"cpg_nodes\",\"path\":\"cpg/cpg_nodes\",\"deltaVersion\":0,\"columns\":12}")
                .contains("\"name\":\"py_defs_v1\"");
    }

    @Test
    void describeGivesColumnsTypesAndNullability() {
        CliRun table = CliRun.of("describe", SmallOutput.out().toString(), "CPG_MRO");
        CliRun json = CliRun.of("describe", SmallOutput.out().toString(), "cpg_mro", "--format", "json");

        assertThat(table.out()).as(table.err()).isEqualTo("""
                column              | type    | nullable
                ------------------- | ------- | --------
                class_id            | VARCHAR | no
                mro_position        | INTEGER | no
                base_id             | VARCHAR | no
                base_qualified_name | VARCHAR | yes
                (4 rows)
                """);
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("{\"name\":\"cpg_mro\",\"path\":\"cpg/cpg_mro\",\"deltaVersion\":0,\"columns\":["
                + "{\"name\":\"class_id\",\"type\":\"VARCHAR\",\"nullable\":false},{\"name\":\"mro_position\",\"type\":\"INTEGER\",\"nullable\":false},"
                + "{\"name\":\"base_id\",\"type\":\"VARCHAR\",\"nullable\":false},{\"name\":\"base_qualified_name\",\"type\":\"VARCHAR\",\"nullable\":true}]}");
    }

    @Test
    void describeOfAnUnknownTableIsOneSentence() {
        CliRun run = CliRun.of("describe", SmallOutput.out().toString(), "nodes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: " + SmallOutput.out() + " has no table 'nodes'; 'codeanatomy tables "
                + SmallOutput.out() + "' lists them.\n");
    }
}
