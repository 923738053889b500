// A recursive-descent parser for the openCypher subset this plugin runs (see ADR 0028). Anything else
// is a syntax error positioned the way FalkorDB (libcypher-parser) positions it.
import {
  ALL_SHORTEST, C_CALL, C_CREATE, C_SUBQUERY, C_FOREACH, C_INDEX, C_DELETE, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_UNWIND, C_WITH, Clause, DIR_BOTH, DIR_IN,
  DIR_OUT, E_BIN, E_CALL, E_CASE, E_COUNT_STAR, E_HAS_LABELS, E_INDEX, E_IS_NULL, E_LIST, E_LIST_COMP, E_LIT, E_MAP, E_NEG, E_NOT,
  E_MAP_PROJECTION, E_PARAM, E_PATTERN, E_PATTERN_COMP, E_PROP, E_SHORTEST, E_SLICE, E_VAR, Expr, NodePattern, PathPattern, ProjectionItem, Query, RelPattern, REMOVE_LABELS,
  REMOVE_PROPERTY, SET_LABELS, SET_MERGE, SET_PROPERTY, SET_REPLACE, SetItem,
} from "./ast";
import { fail, failed } from "./failure";
import { T_EOF, T_FLOAT, T_IDENT, T_INT, T_PARAM, T_PUNCT, T_QUOTED_IDENT, T_STRING, Token, tokenize } from "./lexer";
import { syntaxError } from "./syntax-error";
import { NULL_VALUE, V, vBool, vDouble, vInt, vString } from "./value";

const CLAUSE_WORDS = ["MATCH", "OPTIONAL", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "WITH", "RETURN", "UNWIND", "CALL", "WHERE", "ORDER", "SKIP", "LIMIT", "UNION", "ON", "FOREACH"];

class Parser {
  q: string;
  toks: Array<Token>;
  pos: i32 = 0;
  anonymous: i32 = 0;

  constructor(q: string) {
    this.q = q;
    this.toks = tokenize(q);
  }

  get tok(): Token { return this.toks[this.pos]; }
  peek(k: i32): Token { return this.toks[min(this.pos + k, this.toks.length - 1)]; }

  isWord(t: Token, word: string): bool { return t.kind == T_IDENT && t.text.toUpperCase() == word; }
  atWord(word: string): bool { return this.isWord(this.tok, word); }
  atPunct(p: string): bool { return this.tok.kind == T_PUNCT && this.tok.text == p; }

  acceptWord(word: string): bool {
    if (!this.atWord(word)) return false;
    this.pos++;
    return true;
  }

  acceptPunct(p: string): bool {
    if (!this.atPunct(p)) return false;
    this.pos++;
    return true;
  }

  error(expected: string): void {
    if (failed()) return;
    const t = this.tok;
    const found = t.kind == T_EOF ? "end of input" : "'" + this.q.charAt(t.start) + "'";
    syntaxError(this.q, t.start, "Invalid input " + found + ": expected " + expected);
  }

  expectPunct(p: string): bool {
    if (this.acceptPunct(p)) return true;
    this.error("'" + p + "'");
    return false;
  }

  expectWord(word: string): bool {
    if (this.acceptWord(word)) return true;
    this.error(word);
    return false;
  }

  /** A name: identifier or backquoted. */
  name(what: string): string {
    const t = this.tok;
    if (t.kind == T_IDENT || t.kind == T_QUOTED_IDENT) {
      this.pos++;
      return t.text;
    }
    this.error(what);
    return "";
  }

  /** A variable name, or "" when none is here. */
  optionalVariable(): string {
    const t = this.tok;
    if (t.kind == T_QUOTED_IDENT || (t.kind == T_IDENT && !CLAUSE_WORDS.includes(t.text.toUpperCase()))) {
      this.pos++;
      return t.text;
    }
    return "";
  }

  anonymousName(): string { return "  anon_" + (this.anonymous++).toString(); }

  // ---- queries and clauses ----

  query(): Query {
    const query = new Query();
    if (this.atWord("CYPHER")) {
      this.pos++;
      while (!failed() && (this.tok.kind == T_IDENT || this.tok.kind == T_QUOTED_IDENT) && this.peek(1).kind == T_PUNCT && this.peek(1).text == "=") {
        const name = this.tok.text;
        this.pos += 2;
        if (query.paramNames.includes(name)) fail("Duplicated parameter: " + name);
        query.paramNames.push(name);
        query.paramValues.push(this.expression());
      }
      query.bodyStart = this.tok.start;
    }
    if (this.tok.kind == T_EOF && !failed()) {
      fail("Error: empty query.");
      return query;
    }
    this.parts(query, false);
    return query;
  }

  /** The clauses of `query` and of the queries UNIONed to it, up to the end (or CALL {}'s `}`). */
  parts(query: Query, inBraces: bool): void {
    let part = query;
    while (!failed() && this.tok.kind != T_EOF) {
      if (inBraces && this.atPunct("}")) break;
      if (!inBraces && this.acceptPunct(";")) {
        if (this.tok.kind != T_EOF) fail("Error: query with more than one statement is not supported.");
        break;
      }
      if (this.acceptWord("UNION")) {
        query.unionAll.push(this.acceptWord("ALL"));
        part = new Query();
        query.unions.push(part);
        continue;
      }
      const c = this.clause();
      if (c !== null) part.clauses.push(c);
    }
    if (inBraces) this.expectPunct("}");
  }

  clause(): Clause | null {
    if (this.acceptWord("MATCH")) return this.match(false);
    if (this.atWord("OPTIONAL")) {
      this.pos++;
      if (!this.expectWord("MATCH")) return null;
      return this.match(true);
    }
    if (this.atWord("CREATE") && this.isWord(this.peek(1), "INDEX")) return this.index(false);
    if (this.atWord("DROP")) return this.index(true);
    if (this.acceptWord("CREATE")) {
      const c = new Clause(C_CREATE);
      c.patterns = this.patterns();
      return c;
    }
    if (this.acceptWord("MERGE")) return this.merge();
    if (this.acceptWord("SET")) {
      const c = new Clause(C_SET);
      c.sets = this.setItems();
      return c;
    }
    if (this.acceptWord("REMOVE")) return this.remove();
    if (this.atWord("DETACH") || this.atWord("DELETE")) {
      const c = new Clause(C_DELETE);
      c.detach = this.acceptWord("DETACH");
      if (!this.expectWord("DELETE")) return null;
      do c.exprs.push(this.expression()); while (!failed() && this.acceptPunct(","));
      return c;
    }
    if (this.acceptWord("WITH")) {
      const c = this.projection(C_WITH);
      if (this.acceptWord("WHERE")) c.where = this.expression();
      return c;
    }
    if (this.acceptWord("RETURN")) return this.projection(C_RETURN);
    if (this.acceptWord("UNWIND")) {
      const c = new Clause(C_UNWIND);
      c.exprs.push(this.expression());
      if (!this.expectWord("AS")) return null;
      c.alias = this.name("a variable name");
      return c;
    }
    if (this.acceptWord("CALL")) {
      if (!this.acceptPunct("{")) return this.call();
      const c = new Clause(C_SUBQUERY);
      const q = new Query();
      this.parts(q, true);
      c.subquery = q;
      return c;
    }
    if (this.acceptWord("FOREACH")) return this.foreach();
    this.error("a clause (MATCH, OPTIONAL MATCH, CREATE, MERGE, SET, REMOVE, DELETE, WITH, RETURN, UNWIND or CALL)");
    return null;
  }

  /**
   * CREATE INDEX FOR (n:L) ON (n.p, …), FOR ()-[r:R]-() ON (r.p, …) (either direction) or the older
   * CREATE INDEX ON :L(p, …), and the same after DROP: exact-match indexes on node or edge properties.
   */
  index(drop: bool): Clause | null {
    this.pos++;
    const c = new Clause(C_INDEX);
    c.indexDrop = drop;
    if (!this.expectWord("INDEX")) return null;
    if (this.acceptWord("ON")) {
      if (!this.expectPunct(":")) return null;
      c.indexLabel = this.name("a label");
      if (!this.expectPunct("(")) return null;
      do c.indexProps.push(this.name("a property name")); while (!failed() && this.acceptPunct(","));
      this.expectPunct(")");
      return c;
    }
    if (!this.expectWord("FOR") || !this.expectPunct("(")) return null;
    let variable = "";
    if (this.acceptPunct(")")) {
      // ()-[r:R]-(), ()-[r:R]->() or ()<-[r:R]-()
      c.indexOnEdges = true;
      this.acceptPunct("<");
      if (!this.expectPunct("-") || !this.expectPunct("[")) return null;
      variable = this.name("a variable name");
      if (!this.expectPunct(":")) return null;
      c.indexLabel = this.name("a relationship type");
      if (!this.expectPunct("]") || !this.expectPunct("-")) return null;
      this.acceptPunct(">");
      if (!this.expectPunct("(") || !this.expectPunct(")")) return null;
    } else {
      variable = this.name("a variable name");
      if (!this.expectPunct(":")) return null;
      c.indexLabel = this.name("a label");
      if (!this.expectPunct(")")) return null;
    }
    if (!this.expectWord("ON") || !this.expectPunct("(")) return null;
    do {
      if (this.name("a variable name") != variable && !failed()) fail("'" + variable + "' not defined");
      if (!this.expectPunct(".")) return null;
      c.indexProps.push(this.name("a property name"));
    } while (!failed() && this.acceptPunct(","));
    this.expectPunct(")");
    return c;
  }

  /** FOREACH (x IN list | clause …): only updating clauses may be in its body. */
  foreach(): Clause | null {
    const c = new Clause(C_FOREACH);
    if (!this.expectPunct("(")) return null;
    c.alias = this.name("a variable name");
    if (!this.expectWord("IN")) return null;
    c.exprs.push(this.expression());
    if (!this.expectPunct("|")) return null;
    while (!failed() && !this.atPunct(")") && this.tok.kind != T_EOF) {
      const inner = this.clause();
      if (inner === null) return null;
      if (inner.kind != C_CREATE && inner.kind != C_MERGE && inner.kind != C_SET && inner.kind != C_DELETE && inner.kind != C_REMOVE && inner.kind != C_FOREACH) {
        fail("Error: Only updating clauses may reside in FOREACH");
        return null;
      }
      c.body.push(inner);
    }
    this.expectPunct(")");
    return c;
  }

  /**
   * Whether the tokens from `at` (a "(") read as a node pattern followed by a relationship: "(" [name]
   * [:Label …] [{…}] ")" then "-[", "--", "->" or "<-". Told apart so from a parenthesized expression.
   */
  patternAhead(at: i32): bool {
    if (!this.isPunct(this.peek(at), "(")) return false;
    let i = at + 1;
    if (this.peek(i).kind == T_IDENT || this.peek(i).kind == T_QUOTED_IDENT) i++;
    while (this.isPunct(this.peek(i), ":") && (this.peek(i + 1).kind == T_IDENT || this.peek(i + 1).kind == T_QUOTED_IDENT)) i += 2;
    if (this.isPunct(this.peek(i), "{")) {
      let depth = 0;
      do {
        const t = this.peek(i);
        if (t.kind == T_EOF) return false;
        if (this.isPunct(t, "{")) depth++;
        else if (this.isPunct(t, "}")) depth--;
        i++;
      } while (depth > 0);
    } else if (this.peek(i).kind == T_PARAM) i++;
    if (!this.isPunct(this.peek(i), ")")) return false;
    const a = this.peek(i + 1), b = this.peek(i + 2);
    if (this.isPunct(a, "<")) return this.isPunct(b, "-");
    return this.isPunct(a, "-") && (this.isPunct(b, "[") || this.isPunct(b, "-") || this.isPunct(b, ">"));
  }

  isPunct(t: Token, p: string): bool { return t.kind == T_PUNCT && t.text == p; }

  /** A pattern in an expression (its first node at the current token). */
  expressionPattern(): PathPattern {
    const p = new PathPattern();
    p.nodes.push(this.node());
    while (!failed() && (this.atPunct("-") || this.atPunct("<"))) {
      p.rels.push(this.relationship());
      p.nodes.push(this.node());
    }
    return p;
  }

  match(optional: bool): Clause {
    const c = new Clause(C_MATCH);
    c.optional = optional;
    c.patterns = this.patterns();
    if (this.acceptWord("WHERE")) c.where = this.expression();
    return c;
  }

  merge(): Clause {
    const c = new Clause(C_MERGE);
    c.patterns.push(this.pattern());
    while (!failed() && this.atWord("ON")) {
      this.pos++;
      const onCreate = this.acceptWord("CREATE");
      if (!onCreate && !this.expectWord("MATCH")) break;
      if (!this.expectWord("SET")) break;
      const items = this.setItems();
      for (let i = 0; i < items.length; i++) (onCreate ? c.onCreate : c.onMatch).push(items[i]);
    }
    return c;
  }

  remove(): Clause {
    const c = new Clause(C_REMOVE);
    do {
      const v = this.name("a variable");
      if (this.acceptPunct(".")) {
        const item = new SetItem(REMOVE_PROPERTY);
        item.variable = v;
        item.property = this.name("a property name");
        c.sets.push(item);
      } else {
        const item = new SetItem(REMOVE_LABELS);
        item.variable = v;
        item.labels = this.labels();
        if (item.labels.length == 0) this.error("'.' or ':'");
        c.sets.push(item);
      }
    } while (!failed() && this.acceptPunct(","));
    return c;
  }

  setItems(): Array<SetItem> {
    const items = new Array<SetItem>();
    do {
      const v = this.name("a variable");
      let item: SetItem;
      if (this.acceptPunct(".")) {
        item = new SetItem(SET_PROPERTY);
        item.property = this.name("a property name");
        if (!this.expectPunct("=")) break;
        item.expr = this.expression();
      } else if (this.acceptPunct("=")) {
        item = new SetItem(SET_REPLACE);
        item.expr = this.expression();
      } else if (this.acceptPunct("+=")) {
        item = new SetItem(SET_MERGE);
        item.expr = this.expression();
      } else {
        item = new SetItem(SET_LABELS);
        item.labels = this.labels();
        if (item.labels.length == 0) {
          this.error("'.', '=', '+=' or ':'");
          break;
        }
      }
      item.variable = v;
      items.push(item);
    } while (!failed() && this.acceptPunct(","));
    return items;
  }

  call(): Clause {
    const c = new Clause(C_CALL);
    let name = this.name("a procedure name");
    while (!failed() && this.acceptPunct(".")) name += "." + this.name("a procedure name");
    c.procedure = name;
    if (!this.expectPunct("(")) return c;
    if (!this.atPunct(")")) {
      do c.exprs.push(this.expression()); while (!failed() && this.acceptPunct(","));
    }
    this.expectPunct(")");
    if (this.acceptWord("YIELD")) {
      do c.yields.push(this.name("a yield name")); while (!failed() && this.acceptPunct(","));
      if (this.acceptWord("WHERE")) c.where = this.expression();
    }
    return c;
  }

  projection(kind: i32): Clause {
    const c = new Clause(kind);
    c.distinct = this.acceptWord("DISTINCT");
    if (this.acceptPunct("*")) {
      c.star = true;
      if (!this.acceptPunct(",")) return this.projectionTail(c);
    }
    do {
      const start = this.pos;
      const e = this.expression();
      let alias = this.text(start);
      if (this.acceptWord("AS")) alias = this.name("an alias");
      c.items.push(new ProjectionItem(e, alias));
    } while (!failed() && this.acceptPunct(","));
    return this.projectionTail(c);
  }

  projectionTail(c: Clause): Clause {
    if (this.atWord("ORDER")) {
      this.pos++;
      if (!this.expectWord("BY")) return c;
      do {
        c.order.push(this.expression());
        let desc = false;
        if (this.acceptWord("DESC") || this.acceptWord("DESCENDING")) desc = true;
        else if (!this.acceptWord("ASC")) this.acceptWord("ASCENDING");
        c.descending.push(desc);
      } while (!failed() && this.acceptPunct(","));
    }
    if (this.acceptWord("SKIP")) c.skip = this.expression();
    if (this.acceptWord("LIMIT")) c.limit = this.expression();
    return c;
  }

  text(startTok: i32): string {
    if (this.pos <= startTok) return "";
    return this.q.substring(this.toks[startTok].start, this.toks[this.pos - 1].end);
  }

  // ---- patterns ----

  patterns(): Array<PathPattern> {
    const out = new Array<PathPattern>();
    do out.push(this.pattern()); while (!failed() && this.acceptPunct(","));
    return out;
  }

  pattern(): PathPattern {
    const p = new PathPattern();
    if ((this.tok.kind == T_IDENT || this.tok.kind == T_QUOTED_IDENT) && this.peek(1).kind == T_PUNCT && this.peek(1).text == "=") {
      p.variable = this.tok.text;
      this.pos += 2;
    }
    if ((this.atWord("ALLSHORTESTPATHS") || this.atWord("SHORTESTPATH")) && this.isPunct(this.peek(1), "(")) {
      if (this.atWord("SHORTESTPATH")) fail("FalkorDB currently only supports shortestPaths in WITH or RETURN clauses");
      this.pos += 2;
      const inner = this.expressionPattern();
      inner.variable = p.variable;
      inner.shortest = ALL_SHORTEST;
      this.expectPunct(")");
      return inner;
    }
    p.nodes.push(this.node());
    while (!failed() && (this.atPunct("-") || this.atPunct("<"))) {
      p.rels.push(this.relationship());
      p.nodes.push(this.node());
    }
    return p;
  }

  labels(): Array<string> {
    const out = new Array<string>();
    while (!failed() && this.acceptPunct(":")) out.push(this.name("a label"));
    return out;
  }

  node(): NodePattern {
    const n = new NodePattern();
    if (!this.expectPunct("(")) return n;
    n.variable = this.optionalVariable();
    if (n.variable == "") n.variable = this.anonymousName();
    n.labels = this.labels();
    if (this.atPunct("{")) n.props = this.mapLiteral();
    else if (this.tok.kind == T_PARAM) n.props = this.atom();
    this.expectPunct(")");
    return n;
  }

  relationship(): RelPattern {
    const r = new RelPattern();
    const incoming = this.acceptPunct("<");
    if (!this.expectPunct("-")) return r;
    if (this.acceptPunct("[")) {
      r.variable = this.optionalVariable();
      if (this.acceptPunct(":")) {
        r.types.push(this.name("a relationship type"));
        while (!failed() && this.acceptPunct("|")) {
          this.acceptPunct(":");
          r.types.push(this.name("a relationship type"));
        }
      }
      if (this.acceptPunct("*")) {
        r.varLength = true;
        r.minHops = 1;
        r.maxHops = -1;
        if (this.tok.kind == T_INT) {
          r.minHops = I32.parseInt(this.tok.text);
          r.maxHops = r.minHops;
          this.pos++;
        }
        if (this.acceptPunct("..")) {
          r.maxHops = -1;
          if (this.tok.kind == T_INT) {
            r.maxHops = I32.parseInt(this.tok.text);
            this.pos++;
          }
        }
        if (r.maxHops >= 0 && r.maxHops < r.minHops) fail("Variable length path, maximum number of hops must be greater or equal to minimum number of hops.");
      }
      if (this.atPunct("{")) r.props = this.mapLiteral();
      this.expectPunct("]");
    }
    if (!this.expectPunct("-")) return r;
    const outgoing = this.acceptPunct(">");
    r.dir = incoming && !outgoing ? DIR_IN : outgoing && !incoming ? DIR_OUT : DIR_BOTH;
    if (r.variable == "") r.variable = this.anonymousName();
    return r;
  }

  // ---- expressions, loosest binding first ----

  expression(): Expr {
    const start = this.pos;
    const e = this.or();
    if (e.text == "") e.text = this.text(start);
    return e;
  }

  binary(op: string, left: Expr, right: Expr): Expr {
    const e = new Expr(E_BIN);
    e.name = op;
    e.args.push(left);
    e.args.push(right);
    return e;
  }

  or(): Expr {
    let e = this.xor();
    while (!failed() && this.acceptWord("OR")) e = this.binary("OR", e, this.xor());
    return e;
  }

  xor(): Expr {
    let e = this.and();
    while (!failed() && this.acceptWord("XOR")) e = this.binary("XOR", e, this.and());
    return e;
  }

  and(): Expr {
    let e = this.not();
    while (!failed() && this.acceptWord("AND")) e = this.binary("AND", e, this.not());
    return e;
  }

  not(): Expr {
    if (this.acceptWord("NOT")) {
      const e = new Expr(E_NOT);
      e.args.push(this.not());
      return e;
    }
    return this.comparison();
  }

  comparison(): Expr {
    let e = this.additive();
    while (!failed()) {
      const t = this.tok;
      if (t.kind == T_PUNCT && (t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" || t.text == ">" || t.text == "<=" || t.text == ">=")) {
        this.pos++;
        e = this.binary(t.text == "!=" ? "<>" : t.text, e, this.additive());
      } else if (this.acceptWord("IN")) {
        e = this.binary("IN", e, this.additive());
      } else if (this.atWord("STARTS") || this.atWord("ENDS")) {
        const op = this.tok.text.toUpperCase();
        this.pos++;
        if (!this.expectWord("WITH")) break;
        e = this.binary(op, e, this.additive());
      } else if (this.acceptWord("CONTAINS")) {
        e = this.binary("CONTAINS", e, this.additive());
      } else if (this.atWord("IS")) {
        this.pos++;
        const n = new Expr(E_IS_NULL);
        n.flag = this.acceptWord("NOT");
        if (!this.expectWord("NULL")) break;
        n.args.push(e);
        e = n;
      } else break;
    }
    return e;
  }

  additive(): Expr {
    let e = this.multiplicative();
    while (!failed() && (this.atPunct("+") || this.atPunct("-"))) {
      const op = this.tok.text;
      this.pos++;
      e = this.binary(op, e, this.multiplicative());
    }
    return e;
  }

  multiplicative(): Expr {
    let e = this.power();
    while (!failed() && (this.atPunct("*") || this.atPunct("/") || this.atPunct("%"))) {
      const op = this.tok.text;
      this.pos++;
      e = this.binary(op, e, this.power());
    }
    return e;
  }

  power(): Expr {
    let e = this.unary();
    while (!failed() && this.acceptPunct("^")) e = this.binary("^", e, this.unary());
    return e;
  }

  unary(): Expr {
    if (this.acceptPunct("-")) {
      const e = new Expr(E_NEG);
      e.args.push(this.unary());
      return e;
    }
    if (this.acceptPunct("+")) return this.unary();
    return this.postfix();
  }

  postfix(): Expr {
    let e = this.atom();
    while (!failed()) {
      if (this.atPunct(".") && this.peek(1).kind != T_PUNCT) {
        this.pos++;
        const p = new Expr(E_PROP);
        p.name = this.name("a property name");
        p.args.push(e);
        e = p;
      } else if (this.acceptPunct("[")) {
        let from: Expr | null = null;
        if (!this.atPunct("..")) from = this.expression();
        if (this.acceptPunct("..")) {
          const s = new Expr(E_SLICE);
          s.args.push(e);
          s.args.push(from);
          s.args.push(this.atPunct("]") ? null : this.expression());
          e = s;
        } else {
          const x = new Expr(E_INDEX);
          x.args.push(e);
          x.args.push(from);
          e = x;
        }
        this.expectPunct("]");
      } else if (this.atPunct(":") && (this.peek(1).kind == T_IDENT || this.peek(1).kind == T_QUOTED_IDENT)) {
        const l = new Expr(E_HAS_LABELS);
        l.args.push(e);
        l.keys = this.labels();
        e = l;
      } else break;
    }
    return e;
  }

  literal(v: V): Expr {
    const e = new Expr(E_LIT);
    e.value = v;
    return e;
  }

  atom(): Expr {
    const t = this.tok;
    if (t.kind == T_INT) {
      this.pos++;
      const n = I64.parseInt(t.text);
      // Larger than i64: FalkorDB's "Integer overflow".
      if (n.toString() != trimZeros(t.text)) fail("Integer overflow '" + t.text + "'");
      return this.literal(vInt(n));
    }
    if (t.kind == T_FLOAT) {
      this.pos++;
      return this.literal(vDouble(F64.parseFloat(t.text)));
    }
    if (t.kind == T_STRING) {
      this.pos++;
      return this.literal(vString(t.text));
    }
    if (t.kind == T_PARAM) {
      this.pos++;
      const e = new Expr(E_PARAM);
      e.name = t.text;
      return e;
    }
    if (t.kind == T_PUNCT) {
      if (t.text == "(" && this.patternAhead(0)) {
        const e = new Expr(E_PATTERN);
        e.pattern = this.expressionPattern();
        return e;
      }
      if (t.text == "[" && (this.peek(1).kind == T_IDENT || this.peek(1).kind == T_QUOTED_IDENT) && this.isWord(this.peek(2), "IN")) {
        return this.listComprehension();
      }
      if (t.text == "[" && this.patternAhead(1)) return this.patternComprehension();
      if (t.text == "(") {
        this.pos++;
        const e = this.expression();
        this.expectPunct(")");
        return e;
      }
      if (t.text == "[") {
        this.pos++;
        const e = new Expr(E_LIST);
        if (!this.atPunct("]")) {
          do e.args.push(this.expression()); while (!failed() && this.acceptPunct(","));
        }
        this.expectPunct("]");
        return e;
      }
      if (t.text == "{") return this.mapLiteral();
    }
    if (t.kind == T_IDENT) {
      const upper = t.text.toUpperCase();
      if (upper == "TRUE" || upper == "FALSE") {
        this.pos++;
        return this.literal(vBool(upper == "TRUE"));
      }
      if (upper == "NULL") {
        this.pos++;
        return this.literal(NULL_VALUE);
      }
      if (upper == "CASE") return this.caseExpression();
      if (this.peek(1).kind == T_PUNCT && (this.peek(1).text == "(" || this.peek(1).text == ".")) {
        const call = this.functionCall();
        if (call !== null) return call;
      }
    }
    if (t.kind == T_IDENT || t.kind == T_QUOTED_IDENT) {
      if (t.kind == T_IDENT && CLAUSE_WORDS.includes(t.text.toUpperCase())) {
        this.error("an expression");
        return this.literal(NULL_VALUE);
      }
      this.pos++;
      const e = new Expr(E_VAR);
      e.name = t.text;
      return this.atPunct("{") ? this.mapProjection(e) : e;
    }
    this.error("an expression");
    return this.literal(NULL_VALUE);
  }

  listComprehension(): Expr {
    this.pos++;
    const e = new Expr(E_LIST_COMP);
    e.name = this.name("a variable name");
    this.pos++; // IN
    e.args.push(this.expression());
    e.args.push(this.acceptWord("WHERE") ? this.expression() : null);
    e.args.push(this.acceptPunct("|") ? this.expression() : null);
    this.expectPunct("]");
    return e;
  }

  patternComprehension(): Expr {
    this.pos++;
    const e = new Expr(E_PATTERN_COMP);
    e.pattern = this.expressionPattern();
    e.args.push(this.acceptWord("WHERE") ? this.expression() : null);
    if (this.expectPunct("|")) e.args.push(this.expression());
    this.expectPunct("]");
    return e;
  }

  /** name(args) or a.b.c(args); null (position unchanged) when the dots lead to no call: a property access. */
  functionCall(): Expr | null {
    const start = this.pos;
    let name = this.tok.text;
    this.pos++;
    while (this.atPunct(".") && (this.peek(1).kind == T_IDENT) && this.peek(2).kind == T_PUNCT && (this.peek(2).text == "." || this.peek(2).text == "(")) {
      name += "." + this.peek(1).text;
      this.pos += 2;
    }
    if (!this.atPunct("(")) {
      this.pos = start;
      return null;
    }
    this.pos++;
    const lower = name.toLowerCase();
    if (lower == "count" && this.atPunct("*")) {
      this.pos++;
      this.expectPunct(")");
      const e = new Expr(E_COUNT_STAR);
      e.name = "count";
      return e;
    }
    if ((lower == "shortestpath" || lower == "allshortestpaths") && this.patternAhead(0)) {
      if (lower == "allshortestpaths") fail("FalkorDB support allShortestPaths only in match clauses");
      const sp = new Expr(E_SHORTEST);
      sp.name = lower;
      sp.pattern = this.expressionPattern();
      this.expectPunct(")");
      return sp;
    }
    const e = new Expr(E_CALL);
    e.name = lower;
    e.flag = this.acceptWord("DISTINCT");
    if (!this.atPunct(")")) {
      do e.args.push(this.expression()); while (!failed() && this.acceptPunct(","));
    }
    this.expectPunct(")");
    return e;
  }

  /** `subject {.p, k: expr, v, .*}`, at the `{`. */
  mapProjection(subject: Expr): Expr {
    const e = new Expr(E_MAP_PROJECTION);
    e.args.push(subject);
    this.pos++;
    if (!this.atPunct("}")) {
      do {
        if (this.acceptPunct(".")) {
          if (this.acceptPunct("*")) {
            e.keys.push("*");
            e.args.push(null);
            continue;
          }
          const p = new Expr(E_PROP);
          p.name = this.name("a property name");
          p.args.push(subject);
          e.keys.push(p.name);
          e.args.push(p);
        } else {
          const key = this.name("a map key");
          e.keys.push(key);
          if (this.acceptPunct(":")) e.args.push(this.expression());
          else {
            const v = new Expr(E_VAR);
            v.name = key;
            e.args.push(v);
          }
        }
      } while (!failed() && this.acceptPunct(","));
    }
    this.expectPunct("}");
    return e;
  }

  mapLiteral(): Expr {
    const e = new Expr(E_MAP);
    if (!this.expectPunct("{")) return e;
    if (!this.atPunct("}")) {
      do {
        e.keys.push(this.name("a map key"));
        if (!this.expectPunct(":")) break;
        e.args.push(this.expression());
      } while (!failed() && this.acceptPunct(","));
    }
    this.expectPunct("}");
    return e;
  }

  caseExpression(): Expr {
    this.pos++;
    const e = new Expr(E_CASE);
    if (!this.atWord("WHEN")) {
      e.flag = true;
      e.args.push(this.expression());
    } else e.args.push(null);
    while (!failed() && this.acceptWord("WHEN")) {
      e.args.push(this.expression());
      if (!this.expectWord("THEN")) break;
      e.args.push(this.expression());
    }
    e.args.push(this.acceptWord("ELSE") ? this.expression() : this.literal(NULL_VALUE));
    this.expectWord("END");
    return e;
  }
}

function trimZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) == 48) i++;
  return s.substring(i);
}


export function parseQuery(q: string): Query {
  const p = new Parser(q);
  if (failed()) return new Query();
  return p.query();
}
