package dev.orchestra.engine.context;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outline of one Java source file: its package, its types and their member signatures
 * (fields, constructors and methods with parameter and return types), without any bodies.
 */
final class JavaOutline {
    private static final ParserConfiguration CONFIG =
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);

    /** The outline with members, and the shorter one with only the package and the types. */
    record Outline(List<String> members, List<String> types) {}

    private final boolean withPrivate;
    private final List<String> lines = new ArrayList<>();
    private final List<String> typeLines = new ArrayList<>();

    private JavaOutline(boolean withPrivate) {
        this.withPrivate = withPrivate;
    }

    /**
     * The outline's lines, indented by nesting; empty when the source does not parse. Outlines are
     * remembered by content, so a file that did not change is parsed once per process, however many
     * steps build a map of it.
     */
    static Optional<Outline> of(String source, boolean withPrivate) {
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(new Key(source, withPrivate), key -> parse(key.source(), key.withPrivate()));
    }

    private record Key(String source, boolean withPrivate) {}

    private static final int MAX_CACHED = 20_000;
    private static final java.util.Map<Key, Optional<Outline>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<Outline> parse(String source, boolean withPrivate) {
        ParseResult<CompilationUnit> result = new JavaParser(CONFIG).parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return Optional.empty();
        }
        CompilationUnit unit = result.getResult().get();
        JavaOutline outline = new JavaOutline(withPrivate);
        unit.getPackageDeclaration().ifPresent(p -> outline.add("package " + p.getNameAsString()));
        unit.getTypes().forEach(type -> outline.type(type, 0));
        return Optional.of(new Outline(List.copyOf(outline.lines), List.copyOf(outline.typeLines)));
    }

    private void type(TypeDeclaration<?> type, int depth) {
        add("  ".repeat(depth) + header(type));
        String indent = "  ".repeat(depth + 1);
        if (type instanceof EnumDeclaration e && !e.getEntries().isEmpty()) {
            lines.add(indent + e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString)
                    .collect(Collectors.joining(", ")));
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (!withPrivate && isPrivate(member)) {
                continue;
            }
            if (member instanceof TypeDeclaration<?> nested) {
                type(nested, depth + 1);
            } else {
                signature(member).ifPresent(s -> lines.add(indent + s));
            }
        }
    }

    private void add(String typeLine) {
        lines.add(typeLine);
        typeLines.add(typeLine);
    }

    private static Optional<String> signature(BodyDeclaration<?> member) {
        if (member instanceof CallableDeclaration<?> callable) {
            return Optional.of(callable.getDeclarationAsString(true, true, true).strip());
        }
        if (member instanceof FieldDeclaration field) {
            String names = field.getVariables().stream().map(VariableDeclarator::getNameAsString)
                    .collect(Collectors.joining(", "));
            return Optional.of(modifiers(field.getModifiers()) + field.getVariable(0).getType() + " " + names);
        }
        if (member instanceof AnnotationMemberDeclaration annotation) {
            return Optional.of(annotation.getType() + " " + annotation.getNameAsString() + "()");
        }
        return Optional.empty();
    }

    private static String header(TypeDeclaration<?> type) {
        String modifiers = modifiers(type.getModifiers());
        String name = type.getNameAsString();
        if (type instanceof ClassOrInterfaceDeclaration c) {
            return modifiers + (c.isInterface() ? "interface " : "class ") + name + typeParameters(c.getTypeParameters())
                    + list(" extends ", c.getExtendedTypes()) + list(" implements ", c.getImplementedTypes());
        }
        if (type instanceof RecordDeclaration r) {
            String components = r.getParameters().stream().map(p -> p.getType() + " " + p.getNameAsString())
                    .collect(Collectors.joining(", "));
            return modifiers + "record " + name + typeParameters(r.getTypeParameters()) + "(" + components + ")"
                    + list(" implements ", r.getImplementedTypes());
        }
        if (type instanceof EnumDeclaration e) {
            return modifiers + "enum " + name + list(" implements ", e.getImplementedTypes());
        }
        return modifiers + "@interface " + name;
    }

    private static String typeParameters(NodeList<? extends Node> parameters) {
        return parameters.isEmpty() ? "" : "<" + join(parameters) + ">";
    }

    private static String list(String keyword, NodeList<? extends Node> types) {
        return types.isEmpty() ? "" : keyword + join(types);
    }

    private static String join(NodeList<? extends Node> nodes) {
        return nodes.stream().map(Node::toString).collect(Collectors.joining(", "));
    }

    private static String modifiers(NodeList<Modifier> modifiers) {
        return modifiers.stream().map(m -> m.getKeyword().asString() + " ").collect(Collectors.joining());
    }

    private static boolean isPrivate(BodyDeclaration<?> member) {
        return member instanceof NodeWithModifiers<?> m && m.hasModifier(Modifier.Keyword.PRIVATE);
    }
}
