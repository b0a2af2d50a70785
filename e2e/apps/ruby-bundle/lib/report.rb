class Report
  def initialize(mode, args)
    @mode = mode
    @args = args
  end

  def lines
    ["mode: #{@mode}", "args: #{@args.join(" ")}", "cwd: #{Dir.pwd}"]
  end
end
