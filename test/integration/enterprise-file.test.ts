/**
 * One enterprise, one code, one file (一企一码一档): the file over GraphQL,
 * its QR code (decoded back here with resvg + jsQR), and the same file as one
 * JSON document from GET /enterprises/<code>/file, under the same access policy.
 */
import { Resvg } from "@resvg/resvg-js";
import jsqr from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnterpriseFileDocument, EnterpriseQrCodeDocument } from "../generated/graphql.js";
import { creditCodeCheckChar } from "../../src/core/credit-code.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

/** jsqr is CommonJS: its module object is the decoder and also carries it as `default`, which the types describe. */
const jsQR = jsqr.default;

/** The sample enterprise of 上街区 that keeps its own supply depot. */
const CODE = "91410106MA3XU9D44B";
const KAIFENG_CODE = "91410212MA44RT0B6T";
/** 郑州上街城建工程有限公司 (建筑施工). */
const BUILDER = "91410106MA4AUJ8N6X";

let t: TestHub;
let supervisor: string;

beforeAll(async () => {
  t = await startTestHub();
  supervisor = await t.signToken({ subject: "supervisor-zz", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410100" });
});
afterAll(async () => {
  await t?.stop();
});

const getFile = (code: string, token?: string) => fetch(`${t.hub.url}/enterprises/${code}/file`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("the enterprise file over GraphQL", () => {
  it("holds every part with its provenance, supply depots included", async () => {
    const res = await t.request(EnterpriseFileDocument, { code: CODE }, supervisor);
    expect(res.errors).toBeUndefined();
    const file = res.data!.enterprise!;
    expect(file.supplyDepots.length).toBeGreaterThan(0);
    expect(file.supplyDepots[0]!.items.length).toBeGreaterThan(0);
    const parts = [file, ...file.riskPoints, ...file.majorHazardSources, ...file.hazards, ...file.rescueTeams, ...file.supplyDepots, ...file.nearbyShelters.map((n) => n.shelter)];
    for (const part of parts) expect(part.provenance.fetchedAt).toEqual(expect.any(String));
  });
});

describe("qrCode", () => {
  it("is an SVG QR code that decodes back to the URL of the enterprise's public notice, which names the credit code", async () => {
    const res = await t.request(EnterpriseQrCodeDocument, { code: CODE }, supervisor);
    expect(res.errors).toBeUndefined();
    const svg = res.data!.enterprise!.qrCode!;
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const image = new Resvg(svg, { fitTo: { mode: "width", value: 400 }, background: "white" }).render();
    const decoded = jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height);
    expect(decoded?.data).toBe(`${t.hub.config.publicUrl}/e/${CODE}`);
    expect(new URL(decoded!.data).pathname.split("/")[2]).toBe(CODE);
  });

  it("follows EMHUB_PUBLIC_URL", async () => {
    const elsewhere = await startTestHub({ publicUrl: "https://yjzh.example.gov.cn/hub/" });
    try {
      const token = await elsewhere.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410100" });
      const svg = (await elsewhere.request(EnterpriseQrCodeDocument, { code: CODE }, token)).data!.enterprise!.qrCode!;
      const image = new Resvg(svg, { fitTo: { mode: "width", value: 400 }, background: "white" }).render();
      expect(jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height)?.data).toBe(`https://yjzh.example.gov.cn/hub/e/${CODE}`);
    } finally {
      await elsewhere.stop();
    }
  });
});

describe("GET /e/<code>, the page the QR code opens", () => {
  const page = (code: string, token?: string) => fetch(`${t.hub.url}/e/${code}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("shows anyone the public notice: name, code, the colours of its risks and its risk points, and no personal data", async () => {
    const file = (await t.request(EnterpriseFileDocument, { code: CODE }, supervisor)).data!.enterprise!;
    const res = await page(CODE);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(file.name);
    expect(html).toContain(CODE);
    for (const point of file.riskPoints) expect(html).toContain(point.name);
    const reds = file.riskPoints.filter((p) => p.level === "RED").length;
    expect(html).toContain(`重大风险（红） ${reds}`);
    // personal data (the safety principal, phones) stays out; the hazards too
    const people = await t.request<{ enterprise: Record<string, string | null> }, never>(
      `{ enterprise(code: "${CODE}") { safetyPrincipal safetyPrincipalPhone legalRepresentative legalRepresentativePhone } }`,
      undefined,
      supervisor,
    );
    const personal = Object.values(people.data!.enterprise).filter((value): value is string => typeof value === "string");
    expect(personal.length).toBe(4);
    for (const value of personal) expect(html).not.toContain(value);
    expect(html).toContain("凭授权查看");
    expect(html).not.toContain("隐患与重大危险源");
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });

  it("adds the open hazards for a token that may read the file, and only then", async () => {
    const withFile = await (await page(CODE, supervisor)).text();
    expect(withFile).toContain("隐患与重大危险源");
    const water = await t.signToken({ department: "WATER", roles: ["SUPERVISOR"], region: "410100" });
    expect(await (await page(CODE, water)).text()).not.toContain("隐患与重大危险源");
  });

  it("answers 404 for an unknown code and 400 for one that is not a credit code, as pages", async () => {
    const first17 = "91410106MA0000000";
    const unknown = await page(first17 + creditCodeCheckChar(first17));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/没有这个统一社会信用代码的企业/);
    const bad = await page("not-a-code");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/not a unified social credit code/);
  });
});

describe("GET /enterprises/<code>/file", () => {
  it("returns the file as one JSON document to archive, with the API's content", async () => {
    const res = await getFile(CODE, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${CODE}.json"`);
    const body = (await res.json()) as { format: string; exportedAt: string; enterprise: Record<string, any> };
    expect(body.format).toBe("emhub-enterprise-file/1");
    const api = (await t.request(EnterpriseFileDocument, { code: CODE }, supervisor)).data!.enterprise!;
    const e = body.enterprise;
    expect(e.creditCode).toBe(CODE);
    expect(e.provenance).toMatchObject({ sourceSystem: api.provenance.sourceSystem, version: api.provenance.version });
    expect(e.riskPoints.map((r: { id: string }) => r.id)).toEqual(api.riskPoints.map((r) => r.id));
    expect(e.hazards.map((h: { id: string }) => h.id)).toEqual(api.hazards.map((h) => h.id));
    expect(e.hazards.every((h: { events: unknown[]; provenance: unknown }) => Array.isArray(h.events) && h.provenance)).toBe(true);
    expect(e.supplyDepots.map((d: { name: string }) => d.name)).toEqual(api.supplyDepots.map((d) => d.name));
    expect(e.nearbyShelters.length).toBe(api.nearbyShelters.length);
    // Personal data unmasked for an emergency supervisor, and the read audited like any other.
    expect(e.legalRepresentative).toBe(api.legalRepresentative);
    const audit = await t.hub.db.prisma.auditEntry.findMany({ where: { subject: "supervisor-zz", action: "READ_PERSONAL", dataset: "Enterprise", recordId: CODE } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("masks what the API masks", async () => {
    // the housing bureau regulates construction: it reads a builder's file, masked
    const housing = await t.signToken({ department: "HOUSING", roles: ["SUPERVISOR"], region: "410100" });
    expect((await getFile(CODE, housing)).status).toBe(404); // an aluminium works is not its sector
    const api = (await t.request(EnterpriseFileDocument, { code: BUILDER }, housing)).data!.enterprise!;
    const file = ((await (await getFile(BUILDER, housing)).json()) as { enterprise: Record<string, unknown> }).enterprise;
    expect(file.safetyPrincipalPhone).toBe(api.safetyPrincipalPhone);
    expect(file.legalRepresentative).toBe(api.legalRepresentative);
    const unmasked = (await t.request(EnterpriseFileDocument, { code: BUILDER }, supervisor)).data!.enterprise!;
    expect(file.legalRepresentative).not.toBeNull();
    expect(file.legalRepresentative).not.toBe(unmasked.legalRepresentative);
    expect(file.creditStatus).toBeNull(); // RESTRICTED: owner and EMERGENCY only
  });

  it("gives an enterprise its own file and nobody else's", async () => {
    const own = await t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: CODE });
    expect((await getFile(CODE, own)).status).toBe(200);
    const other = await getFile(KAIFENG_CODE, own);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });

  it("answers 401 without a valid token and 404 when absent or out of scope", async () => {
    const anonymous = await getFile(CODE);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
    expect((await getFile(CODE, "not.a.token")).status).toBe(401);
    expect((await getFile(KAIFENG_CODE, supervisor)).status).toBe(404); // Kaifeng is outside 郑州
    expect((await getFile("91350100M000100Y43", supervisor)).status).toBe(404); // a valid code the hub does not hold
    expect((await getFile("not-a-code", supervisor)).status).toBe(400);
  });
});

describe("enterpriseNotice(code), the public notice over GraphQL", () => {
  const NOTICE = `query ($code: String!) { enterpriseNotice(code: $code) { name riskLevel safetyPrincipal safetyPrincipalPhone } }`;
  const notice = async (code: string, token?: string) => {
    const res = await t.request<{ enterpriseNotice: { name: string; safetyPrincipal: string | null; safetyPrincipalPhone: string | null } }, { code: string }>(NOTICE, { code }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.enterpriseNotice;
  };

  it("gives the public part to everyone and the personal contacts only inside the reader's territory", async () => {
    // 祥符区 (开封) seen from 上街区 (郑州): the name, never the safety principal's name and mobile
    const shangjie = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const xiangfu = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410212" });
    const own = await notice(KAIFENG_CODE, xiangfu);
    expect(own.safetyPrincipal).toBeTruthy();
    expect(own.safetyPrincipalPhone).toMatch(/^1\d{10}$/);
    const across = await notice(KAIFENG_CODE, shangjie);
    expect(across.name).toBe(own.name);
    expect(across.safetyPrincipal).not.toBe(own.safetyPrincipal);
    expect(across.safetyPrincipalPhone).not.toBe(own.safetyPrincipalPhone);
    expect(across.safetyPrincipalPhone ?? "").not.toMatch(/^1\d{10}$/);
    // and the other way round, and for a city whose territory holds the enterprise
    expect((await notice(CODE, xiangfu)).safetyPrincipalPhone ?? "").not.toMatch(/^1\d{10}$/);
    expect((await notice(KAIFENG_CODE, await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" }))).safetyPrincipalPhone).toBe(own.safetyPrincipalPhone);
    expect((await notice(KAIFENG_CODE)).safetyPrincipal).toBeNull();
  });
});

describe("headers a browser acts on", () => {
  it("keep pages to their own assets, out of frames, unsniffed and without a Referer", async () => {
    for (const path of [`/e/${CODE}`, "/dashboard/", "/explorer/", "/graphql"]) {
      const res = await fetch(`${t.hub.url}${path}`, { method: path === "/graphql" ? "POST" : "GET", headers: { "content-type": "application/json" }, body: path === "/graphql" ? JSON.stringify({ query: "{ __typename }" }) : undefined });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("make an answer to a token private to its bearer: the notice with hazards, the file, the API", async () => {
    for (const path of [`/e/${CODE}`, `/enterprises/${CODE}/file`]) {
      const res = await fetch(`${t.hub.url}${path}`, { headers: { authorization: `Bearer ${supervisor}` } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      expect(res.headers.get("vary") ?? "", path).toMatch(/Authorization/i);
    }
    const api = await fetch(`${t.hub.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${supervisor}` }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(api.headers.get("cache-control")).toBe("private, no-store");
    // the public notice without a token may be cached
    expect((await fetch(`${t.hub.url}/e/${CODE}`)).headers.get("cache-control") ?? "").not.toMatch(/private/);
  });
});
