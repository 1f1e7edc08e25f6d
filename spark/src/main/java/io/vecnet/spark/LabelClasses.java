package io.vecnet.spark;

import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.types.StructField;

/**
 * What a label column's ML metadata says of its classes (StringIndexer writes it): how many, and
 * their names in index order. A column without such metadata declares nothing (count 0).
 */
record LabelClasses(int count, List<String> names) {
    static final LabelClasses UNDECLARED = new LabelClasses(0, List.of());

    static LabelClasses of(StructField labelField) {
        Attribute attribute = Attribute.fromStructField(labelField);
        if (attribute instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
            int count = (Integer) nominal.getNumValues().get();
            return new LabelClasses(count, nominal.values().isDefined() ? List.of(nominal.values().get()) : List.of());
        }
        if (attribute instanceof BinaryAttribute binary) {
            return new LabelClasses(2, binary.values().isDefined() ? List.of(binary.values().get()) : List.of());
        }
        return UNDECLARED;
    }
}
