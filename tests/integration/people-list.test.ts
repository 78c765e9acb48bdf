/**
 * The access list shows people (issue #13, docs/decisions/0026): the integration accounts the
 * host-to-host API creates per bank office (officer of record of a bank system's enrolments,
 * docs/decisions/0019 §1) are hidden unless the status filter asks for them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPeople } from "@/lib/admin/people/data";
import { parsePeopleQuery } from "@/lib/admin/people/schema";
import { INTEGRATION_EMAIL_DOMAIN } from "@/lib/api/enrolments/data";
import { db } from "@/lib/db";
import { demoActors, type DemoActors } from "../support/db";

let actors: DemoActors;
const tag = randomUUID().slice(0, 8);

beforeAll(async () => {
  actors = await demoActors();
  const office = await db().penyalurOffice.findFirstOrThrow({ select: { id: true } });
  await db().user.create({
    data: { email: `h2h.bri.${tag}${INTEGRATION_EMAIL_DOMAIN}`, name: `Integrasi H2H BRI ${tag}`, role: "BANK_OFFICER", active: false, penyalurOfficeId: office.id },
  });
});
afterAll(async () => {
  await db().$disconnect();
});

describe("system accounts on /admin/pengguna", () => {
  it("are not listed by default nor under another status, but are under 'system' (and only they)", async () => {
    const byDefault = await listPeople(actors.admin, parsePeopleQuery({ q: tag }));
    expect(byDefault.total).toBe(0);
    expect((await listPeople(actors.admin, parsePeopleQuery({ q: tag, status: "inactive" }))).total).toBe(0);
    const system = await listPeople(actors.admin, parsePeopleQuery({ status: "system" }));
    expect(system.rows.map((r) => r.name)).toContain(`Integrasi H2H BRI ${tag}`);
    expect(system.rows.every((r) => r.email.endsWith(INTEGRATION_EMAIL_DOMAIN) && r.status === "inactive")).toBe(true);
    // People are still there by default.
    expect((await listPeople(actors.admin, parsePeopleQuery({}))).rows.map((r) => r.email)).toContain("admin@demo.lindungikur.id");
  });
});
