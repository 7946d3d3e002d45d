import { Status } from './status';

export default function Page() {
  return (
    <main>
      <Status />
    </main>
  );
}
