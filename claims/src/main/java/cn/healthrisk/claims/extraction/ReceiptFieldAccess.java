package cn.healthrisk.claims.extraction;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads and replaces {@link ReceiptFields} components by their contract name. */
public final class ReceiptFieldAccess {

  private static final RecordComponent[] COMPONENTS = ReceiptFields.class.getRecordComponents();
  private static final List<String> NAMES =
      Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
  private static final Constructor<ReceiptFields> CONSTRUCTOR = canonicalConstructor();

  private ReceiptFieldAccess() {}

  /** The component names in declaration order (the contract's field names, plus extra). */
  public static List<String> names() {
    return NAMES;
  }

  /** The value of one component. */
  public static Object get(ReceiptFields fields, String name) {
    try {
      return COMPONENTS[index(name)].getAccessor().invoke(fields);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  /** A copy with one component replaced; the value must have the component's type. */
  public static ReceiptFields with(ReceiptFields fields, String name, Object value) {
    Object[] args = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      args[i] = get(fields, COMPONENTS[i].getName());
    }
    args[index(name)] = value;
    return construct(args);
  }

  /** Fields from a name → value map; absent names are null (items and extra empty). */
  public static ReceiptFields fromMap(Map<String, Object> values) {
    Object[] args = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      args[i] = values.get(COMPONENTS[i].getName());
    }
    return construct(args);
  }

  private static ReceiptFields construct(Object[] args) {
    try {
      return CONSTRUCTOR.newInstance(args);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot build ReceiptFields: " + e.getMessage(), e);
    }
  }

  private static int index(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown receipt field: " + name);
    }
    return i;
  }

  private static Constructor<ReceiptFields> canonicalConstructor() {
    Class<?>[] types = Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return ReceiptFields.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
