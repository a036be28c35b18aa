export default function TodayPage() {
  return (
    <section>
      <h1>Today</h1>
    </section>
  );
}
