export function say(line: string): void {
  console.log(`[lindungikur] ${line}`);
}
