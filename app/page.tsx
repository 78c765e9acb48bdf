import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";

export default async function Index() {
  redirect((await currentActor()) ? "/beranda" : "/masuk");
}
