package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.substrait.extension.DefaultExtensionCatalog;
import io.substrait.isthmus.SubstraitRelVisitor;
import io.substrait.plan.Plan;
import io.substrait.plan.PlanProtoConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;

/**
 * A plan as Substrait, the engine-independent plan format, written by isthmus in Substrait's JSON
 * form. Push-down scans are written as plain scans under their filter and projection
 * ({@link ScanExpansion}). What Substrait's standard extensions cannot express (our plugin
 * functions, for one) makes isthmus fail, and its one-line reason is recorded instead.
 */
public final class PlanSubstrait {
    private PlanSubstrait() {
    }

    public static Unparsed of(RelNode plan) {
        requireNonNull(plan, "plan is null");
        try {
            Plan.Root root = SubstraitRelVisitor.convert(RelRoot.of(ScanExpansion.expand(plan), SqlKind.SELECT),
                    DefaultExtensionCatalog.DEFAULT_COLLECTION);
            io.substrait.proto.Plan proto = new PlanProtoConverter().toProto(Plan.builder().addRoots(root).build());
            return Unparsed.written(JsonFormat.printer().print(proto) + "\n");
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // isthmus throws for functions and operators it has no Substrait form for; the message names them.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Unparsed.failure(message.lines().findFirst().orElse(message));
        }
    }
}
